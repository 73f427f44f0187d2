import type { CandidateRoleSignal, RunDocument } from '@jdpipe/contracts';
import type { JdSection } from '@jdpipe/jd-parsing';
import { THRESHOLDS } from '@jdpipe/role-matching';

import type {
  LegacyExtractFromJdAnswer,
  LegacyNanoParsed,
  LegacyResponsibilities,
  LegacyRoleSignal,
  LegacyStage3Signals,
  LegacyStage4Decision,
  LegacyStage5Updates,
} from './legacy-answers';
import { chosenCandidateOf, roleSignalOf } from './legacy-library-objects';
import type { RunCatalogFacts } from './run-catalog-facts';

/** How many candidate roles each signal list shows, strongest first, as the old system did. */
const SIGNAL_ROLES_SHOWN = 5;
/** Length of the responsibilities preview on a KRA proposal. */
const PREVIEW_CHARS = 200;

const EDUCATION_LEVEL_NAMES: Record<string, string> = {
  high_school: 'High School',
  diploma: 'Diploma',
  bachelor: "Bachelor's",
  master: "Master's",
  mba: 'MBA',
  doctorate: 'Doctorate',
};

/** POST /skills/extract-from-jd: the run as the old system's first call answered it. */
export function toExtractFromJdAnswer(run: RunDocument, facts: RunCatalogFacts): LegacyExtractFromJdAnswer {
  const title = run.parsed?.title ?? run.posting.title;
  const archetype = topDomainName(run, facts);
  return {
    final_skills: run.skills.map((skill) => ({ is_primary: skill.primary, skill_name: skill.name })),
    jd_role: {
      display_name: title,
      rationale: null,
      role_aliases: run.parsed?.roleAliases ?? [],
      role_archetype: archetype,
      // The library role the posting's own title is an alias of; '' when the title names none, as before.
      slug: run.signals?.aliasHits[0]?.roleSlug ?? '',
    },
    nano_parsed: nanoParsedOf(run, archetype),
    rejected: run.status === 'rejected',
    rejection_reason: run.rejection?.reason ?? null,
    run_id: run.runId,
    stage3_signals: stage3SignalsOf(run, facts),
    stage4_decision: stage4DecisionOf(run, facts),
    stage5_updates: stage5UpdatesOf(run, facts),
  };
}

function nanoParsedOf(run: RunDocument, archetype: string | null): LegacyNanoParsed | null {
  const parsed = run.parsed;
  if (!parsed) return null;
  const companySection = parsed.sections.find((section) => section.kind === 'company');
  return {
    JD_type: run.status === 'rejected' ? 'fail' : 'pass',
    about_company: companySection ? bodyOf(companySection) : null,
    certifications: parsed.certifications.map((certification) => ({ name: certification.name, requirement: certification.requirement })),
    company_name: parsed.companyName ?? run.posting.company,
    ctc: parsed.ctc && {
      currency: parsed.ctc.currency,
      max: parsed.ctc.max,
      min: parsed.ctc.min,
      period: parsed.ctc.period,
      raw: parsed.ctc.raw,
    },
    // jdpipe keeps no alternative names for domains.
    domain: archetype === null ? null : { primary: { aliases: [], domain: archetype }, secondary: null },
    education: parsed.education.map((education) => ({
      level: EDUCATION_LEVEL_NAMES[education.level] ?? education.level,
      qualification: education.field,
      raw: education.raw,
      requirement: education.requirement,
    })),
    experience: parsed.experience && { max: parsed.experience.max, min: parsed.experience.min, raw: parsed.experience.raw },
    job_locations: parsed.location ? [parsed.location] : [],
    role: parsed.title,
    role_aliases: parsed.roleAliases,
    role_archetype: archetype,
    roles_and_responsibilities: parsed.sections.filter((section) => section.kind === 'responsibilities').map(responsibilitiesOf),
    // jdpipe does not collect links from postings.
    urls: [],
  };
}

function responsibilitiesOf(section: JdSection): LegacyResponsibilities {
  const body = bodyOf(section);
  const words = body.split(/\s+/).filter(Boolean);
  return {
    bullet_count: body.split('\n').filter((line) => line.trim() !== '').length,
    heading: section.heading,
    heading_was_present: section.heading !== null,
    source_marker: { first_5_words: words.slice(0, 5).join(' '), last_5_words: words.slice(-5).join(' ') },
    text: body,
    word_count: words.length,
  };
}

/** A section's text without its heading line, which the section text includes. */
function bodyOf(section: JdSection): string {
  const text = section.text.trim();
  return section.heading && text.startsWith(section.heading) ? text.slice(section.heading.length).trim() : text;
}

function topDomainName(run: RunDocument, facts: RunCatalogFacts): string | null {
  const top = [...(run.signals?.domainScores ?? [])].sort((a, b) => b.score - a.score)[0];
  const slug = top?.domain ?? run.role?.domain ?? null;
  return slug === null ? null : (facts.domainNames.get(slug) ?? slug);
}

function stage3SignalsOf(run: RunDocument, facts: RunCatalogFacts): LegacyStage3Signals {
  const candidates = run.signals?.candidates ?? [];
  const strongest = (score: (candidate: CandidateRoleSignal) => number): LegacyRoleSignal[] =>
    candidates
      .filter((candidate) => score(candidate) > 0)
      .sort((a, b) => score(b) - score(a))
      .slice(0, SIGNAL_ROLES_SHOWN)
      .map((candidate) => roleSignalOf(run, candidate, score(candidate), facts));
  return {
    alias_found: (run.signals?.aliasHits.length ?? 0) > 0,
    alias_match_roles: strongest((candidate) => candidate.aliasScore),
    kra_match_roles: strongest((candidate) => candidate.kraScore),
    skill_match_roles: strongest((candidate) => candidate.skillScore),
  };
}

function stage4DecisionOf(run: RunDocument, facts: RunCatalogFacts): LegacyStage4Decision {
  const role = run.role;
  const chosen = chosenCandidateOf(run);
  const chosenSignal = chosen && role ? roleSignalOf(run, chosen, chosen.score, facts) : null;
  const dimensions = run.skills.flatMap((skill) => skill.dimensions.filter((dimension) => dimension.underChosenRole));
  return {
    alias_collision_detected: new Set(run.signals?.aliasHits.map((hit) => hit.roleSlug)).size > 1,
    case: role?.case ?? null,
    chosen_role: chosenSignal && role ? { ...chosenSignal, display_name: role.displayName } : null,
    confidence: role?.confidence ?? 0,
    is_new_role: role?.isNew ?? false,
    llm2_fired: role?.llm2Fired ?? false,
    llm2_reasoning: role?.llm2Fired ? role.reasoning : null,
    matched_dimensions: [...new Set(dimensions.map((dimension) => dimension.displayName))],
    matched_kras: (chosen?.kraMatches ?? []).filter((match) => match.similarity >= THRESHOLDS.sentenceMatch).map((match) => match.sentence),
    matched_skills: chosenSignal?.matched_skills ?? [],
    new_role_display_name: role?.isNew ? role.displayName : null,
    new_role_slug: role?.isNew ? role.slug : null,
    queued: run.proposals.some((proposal) => proposal.kind === 'role'),
    reasoning: role?.reasoning ?? null,
    sub_role: null,
  };
}

function stage5UpdatesOf(run: RunDocument, facts: RunCatalogFacts): LegacyStage5Updates {
  const role = run.role;
  const queued = run.proposals.map((proposal, index) => ({ proposal, queue: facts.proposalQueue[index] ?? null }));
  const kra = queued.find(({ proposal }) => proposal.kind === 'kra');
  const roleProposal = queued.find(({ proposal }) => proposal.kind === 'role');
  const responsibilities = run.parsed?.sections.find((section) => section.kind === 'responsibilities');
  const chosen = chosenCandidateOf(run);
  return {
    centroid_n_after: facts.centroid?.n ?? 0,
    centroid_updated: facts.centroid !== null && facts.centroid.updatedAt >= run.createdAt,
    collision_log_id: null,
    new_kra_attached:
      kra && role
        ? {
            best_kra_similarity: Math.max(
              0,
              ...(chosen?.kraMatches ?? []).filter((match) => match.sentence === kra.proposal.value).map((match) => match.similarity),
            ),
            queue_id: kra.queue?.id ?? 0,
            r_and_r_preview: responsibilities ? bodyOf(responsibilities).slice(0, PREVIEW_CHARS) : '',
            role_display_name: role.displayName,
            role_slug: role.slug,
            status: kra.queue?.status ?? kra.proposal.status,
          }
        : null,
    new_skills_attached: queued
      .filter(({ proposal }) => proposal.kind === 'skill')
      .map(({ proposal, queue }) => ({
        is_primary: run.skills.find((skill) => skill.status === 'proposed' && skill.name === proposal.value)?.primary ?? false,
        queue_id: queue?.id ?? 0,
        role_display_name: role?.displayName ?? '',
        role_slug: role?.slug ?? '',
        skill_name: proposal.value,
        status: queue?.status ?? proposal.status,
      })),
    queue_entry_id: roleProposal?.queue?.id ?? null,
    // jdpipe has no second pipeline that a run hands over to.
    v3_pipeline_triggered: false,
    v3_role_slug: null,
    v3_run_id: null,
  };
}
