import type { RunDocument, RunSkill } from '@jdpipe/contracts';

import type { LegacyAliasMatch, LegacyExtractDetailsAnswer, LegacyNewSkillMeta, LegacySkillDetail } from './legacy-answers';
import { candidateRolesOf, canonicalOf, chosenRoleOf, legacyMatchedVia, skillDimensionsOf } from './legacy-library-objects';
import type { RunCatalogFacts, SkillFacts } from './run-catalog-facts';

/** jdpipe never writes aliases from a run: a new surface form becomes an alias proposal for review. */
const ALIAS_NOT_PERSISTED = 'new aliases are added through the review queue';

/** POST /skills/extract-details: each skill of the run against the library, with aliases and dimensions. */
export function toExtractDetailsAnswer(run: RunDocument, facts: RunCatalogFacts): LegacyExtractDetailsAnswer {
  const fromModel = (skill: RunSkill): boolean =>
    skill.matchedVia === 'llm' || (run.llmAssist?.skillsFromLlm.includes(skill.slug) ?? false);
  return {
    alias_matches: run.skills.flatMap((skill) => aliasMatchOf(skill, facts) ?? []),
    candidate_roles: candidateRolesOf(run, facts),
    chosen_role: chosenRoleOf(run, facts),
    dimensions: run.skills.flatMap((skill) => skillDimensionsOf(skill, facts)),
    input_final_skills: run.skills.map((skill) => skill.name),
    input_llm_skills: run.skills.filter(fromModel).map((skill) => skill.name),
    new_aliases_persisted: 0,
    run_id: run.runId,
    skills_detail: run.skills.map((skill) => skillDetailOf(run, skill, fromModel(skill), facts)),
    unmatched_skills: run.skills.filter((skill) => skill.status === 'proposed').map((skill) => skill.name),
  };
}

function aliasMatchOf(skill: RunSkill, facts: RunCatalogFacts): LegacyAliasMatch | null {
  const canonical = canonicalOf(skill, facts);
  if (!canonical) return null;
  const alias = matchedAliasOf(skill, facts.skills.get(skill.slug));
  return {
    alias_persist_skipped_reason: ALIAS_NOT_PERSISTED,
    alias_persisted: false,
    existing_alias_id: alias?.id ?? 0,
    existing_alias_text: alias?.text ?? skill.name,
    input_term: skill.name,
    matched_canonical: canonical,
    matched_via: legacyMatchedVia(skill),
  };
}

/** The library alias the posting's text matched: the one its evidence spells, else the canonical name. */
function matchedAliasOf(skill: RunSkill, library: SkillFacts | undefined): SkillFacts['aliases'][number] | undefined {
  const spelled = new Set(skill.evidence.map((evidence) => evidence.text.toLowerCase()));
  const aliases = library?.aliases ?? [];
  return aliases.find((alias) => spelled.has(alias.text.toLowerCase())) ?? aliases.find((alias) => alias.type === 'canonical');
}

function skillDetailOf(run: RunDocument, skill: RunSkill, fromModel: boolean, facts: RunCatalogFacts): LegacySkillDetail {
  const inCatalog = skill.status === 'in_catalog';
  const aliasProposal = run.proposals.find((proposal) => proposal.kind === 'alias' && proposal.target === skill.slug);
  return {
    aliases_in_db: (facts.skills.get(skill.slug)?.aliases ?? []).map((alias) => ({
      alias_text: alias.text,
      alias_type: alias.type.toUpperCase(),
      id: alias.id,
      is_primary: alias.type === 'canonical',
      match_strategy: alias.match.toUpperCase(),
    })),
    canonical: canonicalOf(skill, facts),
    dimensions: skillDimensionsOf(skill, facts),
    input_skill: skill.name,
    matched_via: inCatalog ? legacyMatchedVia(skill) : null,
    new_alias_persisted: false,
    new_alias_text: aliasProposal?.value ?? null,
    new_skill_meta: inCatalog ? null : newSkillMetaOf(skill),
    source_tag: inCatalog ? 'db' : fromModel ? 'llm' : 'rules',
    was_in_llm_skills: fromModel,
  };
}

/** A proposed skill as the old system described a skill it was about to create; jdpipe leaves it to review. */
function newSkillMetaOf(skill: RunSkill): LegacyNewSkillMeta {
  return {
    derived: {
      category: skill.category ?? '',
      skill_nature: skill.nature ?? '',
      // Profile fields a reviewer sets on approval.
      sub_category: '',
      typical_lifespan: '',
      version_strategy: '',
      volatility: '',
    },
    enrichment: null,
    keep_log: [],
    locked_dimensions: [],
    merge_log: [],
    placed: null,
    relationships: null,
    skill_id: skill.slug,
    split_log: [],
    typed: null,
    warnings: [],
  };
}
