import { type CatalogIndex, type CatalogRole } from '@jdpipe/catalog';
import {
  type CandidateRoleSignal,
  type DecisionCase,
  type Proposal,
  type RoleChoice,
  type RoleSignals,
  type RunnerUpRole,
} from '@jdpipe/contracts';

import { AliasIndex } from '../signals/alias-signal';
import { DomainKeywordIndex, type DomainScore } from '../signals/domain-signal';
import { KRA_VECTOR_DIMENSIONS, KraIndex } from '../signals/kra-index';
import { SkillOverlapIndex } from '../signals/skill-signal';
import { contentStems } from '../text/terms';
import { cleanDisplayTitle, normaliseTitle } from '../title/normalise-title';
import {
  KRA_FULL_EVIDENCE,
  absoluteScore,
  SIGNAL_NAMES,
  THRESHOLDS,
  combinedScore,
  contentScore,
  kraTopK,
  matchConfidence,
  newRoleConfidence,
  type SignalName,
} from './policy';
import { explainDecision } from './reasoning';
import { type ScoredRole } from './scored-role';

export interface RoleMatchInput {
  /** Parsed or given title; may contain seniority words ("Sr. Backend Developer - Pune"). */
  title: string | null;
  /** Other titles the posting names ("Team Lead"). */
  roleAliases: string[];
  /** Sentences of the responsibilities sections (all sentences if there are none). */
  responsibilitySentences: string[];
  requirementSentences: string[];
  /** Canonical skills found in the posting (catalog slugs). */
  skillSlugs: string[];
  /** The whole description, for the domain signal. */
  text: string;
}

export interface RoleDecision {
  /** Null only if the library is empty. */
  role: RoleChoice | null;
  runnersUp: RunnerUpRole[];
  signals: RoleSignals;
  proposals: Proposal[];
  /** Hashed TF-IDF of the responsibilities, for the role centroid. */
  kraVector: number[];
}

const CANDIDATES_RECORDED = 8;
const RUNNERS_UP = 5;
const KRA_MATCHES_RECORDED = 6;
const MAX_KRA_PROPOSALS = 3;
/** Shorter sentences ("Team player") are not responsibilities worth proposing as KRAs. */
const MIN_PROPOSAL_WORDS = 4;

interface Choice {
  chosen: ScoredRole | null;
  decisionCase: DecisionCase;
  overruledAlias: ScoredRole | null;
}

/** Scores every role of the library on title alias, KRA similarity, skill overlap and domain, then decides. */
export class RoleMatcher {
  private constructor(
    private readonly roles: readonly CatalogRole[],
    private readonly aliasIndex: AliasIndex,
    private readonly kraIndex: KraIndex,
    private readonly skillIndex: SkillOverlapIndex,
    private readonly domainIndex: DomainKeywordIndex,
  ) {}

  /** Precomputes normalised aliases, KRA term vectors with IDF over all KRAs, skill weights and domain keywords. */
  static build(catalog: CatalogIndex): RoleMatcher {
    const { roles, domains } = catalog.catalog;
    return new RoleMatcher(
      roles,
      new AliasIndex(roles),
      new KraIndex(roles),
      new SkillOverlapIndex(roles),
      new DomainKeywordIndex(domains),
    );
  }

  match(input: RoleMatchInput): RoleDecision {
    if (this.roles.length === 0) return this.emptyLibraryDecision(input);
    // Requirements stand in for responsibilities only when a posting lists no duties at all.
    const sentences = dedupe(input.responsibilitySentences.length > 0 ? input.responsibilitySentences : input.requirementSentences);
    const aliasSignal = this.aliasIndex.match(input.title, input.roleAliases);
    const domainScores = this.domainIndex.score(input.text);
    const kraByRole = this.kraIndex.bestKraPerSentence(sentences);
    const postingSkills = new Set(input.skillSlugs);
    const topK = kraTopK(sentences.length);

    const hitByRole = new Map(aliasSignal.hits.map((hit) => [hit.roleSlug, hit]));
    const domainScoreOf = new Map(domainScores.map((score) => [score.domain, score.score]));
    const scored = this.roles.map((role): ScoredRole => {
      const hit = hitByRole.get(role.slug) ?? null;
      const kraMatches = (kraByRole.get(role.slug) ?? []).sort((left, right) => right.similarity - left.similarity);
      const topSimilarities = kraMatches.slice(0, topK).map((match) => match.similarity);
      const kraScore = sentences.length === 0 ? 0 : topSimilarities.reduce((sum, value) => sum + value, 0) / topK;
      const skill = this.skillIndex.overlap(role.slug, postingSkills);
      const domainScore = domainScoreOf.get(role.domain) ?? 0;
      return {
        role,
        alias: { score: hit?.score ?? 0, exact: hit?.exact ?? false, alias: hit?.alias ?? null, matchedTitle: hit?.matchedTitle ?? null },
        kraScore: round(kraScore),
        kraMatches,
        skill,
        domainScore,
        evidence: { alias: hit?.score ?? 0, kra: Math.min(1, kraScore / KRA_FULL_EVIDENCE), skill: skill.score, domain: domainScore },
        score: 0,
        contentScore: 0,
        absoluteScore: 0,
        absoluteContentScore: 0,
      };
    });
    // A signal no role scores on (no title match, no skills) is left out instead of lowering every score.
    const informative = new Set(SIGNAL_NAMES.filter((signal) => scored.some((role) => role.evidence[signal] > 0)));
    for (const role of scored) {
      role.score = round(combinedScore(role.evidence, informative));
      role.contentScore = round(contentScore(role.evidence, informative));
      role.absoluteScore = absoluteScore(role.evidence);
      role.absoluteContentScore = absoluteScore(role.evidence, false);
    }
    const ranked = [...scored].sort((left, right) => right.score - left.score || right.contentScore - left.contentScore);

    const choice = decide(ranked, domainScores, informative);
    const runnerUpPool = ranked.filter((role) => role !== choice.chosen);
    const runnerUp = runnerUpPool[0] ?? null;
    const confidence = this.confidenceOf(
      choice,
      ranked,
      informative,
      input.title !== null && aliasSignal.normalisedTitle !== null,
      sentences.length,
    );
    const topDomain = domainScores[0] ?? null;
    const chosenDomain = choice.chosen ? (domainScores.find((score) => score.domain === choice.chosen?.role.domain) ?? null) : topDomain;
    const proposedName = choice.decisionCase === 'NEW' ? proposedRoleName(input.title) : null;

    const reasoning = explainDecision({
      decisionCase: choice.decisionCase,
      confidence,
      chosen: choice.chosen,
      proposedName,
      title: input.title,
      normalisedTitle: aliasSignal.normalisedTitle,
      responsibilityCount: sentences.length,
      postingSkillCount: postingSkills.size,
      domain: chosenDomain ? { ...chosenDomain, name: this.domainIndex.domainName(chosenDomain.domain) } : null,
      runnerUp,
      overruledAlias: choice.overruledAlias,
    });

    const role: RoleChoice | null = choice.chosen
      ? {
          slug: choice.chosen.role.slug,
          displayName: choice.chosen.role.name,
          domain: choice.chosen.role.domain,
          case: choice.decisionCase,
          confidence,
          reasoning,
          isNew: false,
          llm2Fired: false,
        }
      : proposedName !== null
        ? {
            slug: slugOf(proposedName),
            displayName: proposedName,
            domain: topDomain && topDomain.score >= THRESHOLDS.domain ? topDomain.domain : null,
            case: 'NEW',
            confidence,
            reasoning,
            isNew: true,
            llm2Fired: false,
          }
        : null;

    const recorded = [
      ...ranked.slice(0, CANDIDATES_RECORDED),
      ...ranked.slice(CANDIDATES_RECORDED).filter((scoredRole) => scoredRole.alias.score > 0),
    ];
    if (choice.chosen && !recorded.includes(choice.chosen)) recorded.push(choice.chosen);
    return {
      role,
      runnersUp: runnerUpPool
        .filter((scoredRole) => scoredRole.score > 0)
        .slice(0, RUNNERS_UP)
        .map((scoredRole) => ({ slug: scoredRole.role.slug, displayName: scoredRole.role.name, score: scoredRole.score })),
      signals: {
        normalisedTitle: aliasSignal.normalisedTitle,
        aliasHits: aliasSignal.hits.map(({ roleSlug, alias, matchedTitle }) => ({ roleSlug, alias, matchedTitle })),
        candidates: recorded.map(toCandidateSignal),
        domainScores,
      },
      proposals: role ? this.proposalsFor(choice, role, sentences, input.title, runnerUp) : [],
      kraVector: this.kraIndex.hashedVector(sentences, KRA_VECTOR_DIMENSIONS),
    };
  }

  private emptyLibraryDecision(input: RoleMatchInput): RoleDecision {
    const sentences = input.responsibilitySentences.length > 0 ? input.responsibilitySentences : input.requirementSentences;
    return {
      role: null,
      runnersUp: [],
      signals: {
        normalisedTitle: input.title ? normaliseTitle(input.title) || null : null,
        aliasHits: [],
        candidates: [],
        domainScores: this.domainIndex.score(input.text),
      },
      proposals: [],
      kraVector: this.kraIndex.hashedVector(sentences, KRA_VECTOR_DIMENSIONS),
    };
  }

  private confidenceOf(
    choice: Choice,
    ranked: readonly ScoredRole[],
    informative: ReadonlySet<SignalName>,
    titleGiven: boolean,
    sentenceCount: number,
  ): number {
    const { chosen } = choice;
    if (!chosen) return newRoleConfidence(closenessToThresholds(ranked[0] ?? null, sentenceCount));
    const agreementSignals = [...informative];
    const agreement =
      agreementSignals.length === 0
        ? 0
        : agreementSignals.reduce((sum, signal) => {
            const best = Math.max(...ranked.map((role) => role.evidence[signal]));
            return sum + (best > 0 ? chosen.evidence[signal] / best : 0);
          }, 0) / agreementSignals.length;
    // When content overruled the title, the content scores are what the choice stands on.
    const scoreOf = (role: ScoredRole): number => (choice.overruledAlias ? role.absoluteContentScore : role.absoluteScore);
    const strength = scoreOf(chosen);
    const others = ranked.filter((role) => role !== chosen);
    const margin = others.length > 0 ? strength - Math.max(...others.map(scoreOf)) : strength;
    return matchConfidence({
      strength,
      margin,
      agreement,
      aliasOverruled: choice.overruledAlias !== null,
      titleUnexplained: titleGiven && chosen.alias.score === 0,
      partialAliasOnly: choice.decisionCase === 'ALIAS' && !chosen.alias.exact,
      decisionCase: choice.decisionCase,
    });
  }

  private proposalsFor(
    choice: Choice,
    role: RoleChoice,
    sentences: readonly string[],
    title: string | null,
    runnerUp: ScoredRole | null,
  ): Proposal[] {
    if (!choice.chosen) {
      const closest = runnerUp ? `closest existing role ${runnerUp.role.slug} (${runnerUp.score.toFixed(2)})` : 'no existing role scored';
      return [
        {
          kind: 'role',
          value: role.displayName,
          status: 'pending',
          target: null,
          evidence: `title "${title ?? ''}"; ${closest}`,
        },
      ];
    }
    const bestBySentence = new Map(choice.chosen.kraMatches.map((match) => [match.sentence, match]));
    return sentences
      .filter((sentence) => contentStems(sentence).length >= MIN_PROPOSAL_WORDS)
      .filter((sentence) => (bestBySentence.get(sentence)?.similarity ?? 0) < THRESHOLDS.kraProposal)
      .slice(0, MAX_KRA_PROPOSALS)
      .map((sentence) => {
        const best = bestBySentence.get(sentence);
        return {
          kind: 'kra' as const,
          value: sentence.trim(),
          status: 'pending' as const,
          target: role.slug,
          evidence: best
            ? `best KRA of ${role.slug}: "${best.kraText}" (${best.similarity.toFixed(2)})`
            : `no KRA of ${role.slug} shares a term`,
        };
      });
  }
}

/**
 * The policy: an exact title alias wins unless the content strongly contradicts it; otherwise the best role
 * passing a KRA, skill or partial-title threshold; otherwise the best role of a clear domain; otherwise NEW.
 */
function decide(ranked: readonly ScoredRole[], domainScores: readonly DomainScore[], informative: ReadonlySet<SignalName>): Choice {
  const exactHit = ranked.find((role) => role.alias.exact) ?? null;
  let overruledAlias: ScoredRole | null = null;
  let pool = ranked;
  if (exactHit) {
    const rival = ranked.filter((role) => role !== exactHit).sort((left, right) => right.contentScore - left.contentScore)[0];
    const contradicted =
      rival !== undefined && passesContentThreshold(rival) && rival.contentScore - exactHit.contentScore >= THRESHOLDS.aliasContradiction;
    if (!contradicted) return { chosen: exactHit, decisionCase: 'ALIAS', overruledAlias: null };
    overruledAlias = exactHit;
    // The title lost: rank on content alone from here.
    pool = [...ranked].filter((role) => role !== exactHit).sort((left, right) => right.contentScore - left.contentScore);
  }
  const eligible = pool.find((role) => passesContentThreshold(role) || (!overruledAlias && role.alias.score >= THRESHOLDS.partialAlias));
  if (eligible) return { chosen: eligible, decisionCase: carryingCase(eligible), overruledAlias };
  const clearDomain = domainScores.find((score) => score.score >= THRESHOLDS.domain);
  if (clearDomain && informative.has('domain')) {
    const bestInDomain = pool.find((role) => role.role.domain === clearDomain.domain);
    if (bestInDomain) return { chosen: bestInDomain, decisionCase: 'DOMAIN', overruledAlias };
  }
  return { chosen: null, decisionCase: 'NEW', overruledAlias };
}

function passesContentThreshold(role: ScoredRole): boolean {
  return role.kraScore >= THRESHOLDS.kra || role.skill.score >= THRESHOLDS.skill;
}

/** KRA or SKILL by the larger weighted contribution among those that pass; a partial title alone is ALIAS. */
function carryingCase(role: ScoredRole): DecisionCase {
  const kraPasses = role.kraScore >= THRESHOLDS.kra;
  const skillPasses = role.skill.score >= THRESHOLDS.skill;
  if (kraPasses && skillPasses) return 0.3 * role.evidence.kra >= 0.2 * role.evidence.skill ? 'KRA' : 'SKILL';
  if (kraPasses) return 'KRA';
  if (skillPasses) return 'SKILL';
  return 'ALIAS';
}

/** How near the closest role came to any threshold (1 = reached one). */
function closenessToThresholds(closest: ScoredRole | null, sentenceCount: number): number {
  if (!closest) return 0;
  return Math.min(
    1,
    Math.max(
      sentenceCount > 0 ? closest.kraScore / THRESHOLDS.kra : 0,
      closest.skill.score / THRESHOLDS.skill,
      closest.alias.score / THRESHOLDS.partialAlias,
      closest.domainScore / THRESHOLDS.domain,
    ),
  );
}

function toCandidateSignal(scored: ScoredRole): CandidateRoleSignal {
  return {
    slug: scored.role.slug,
    displayName: scored.role.name,
    domain: scored.role.domain,
    score: scored.score,
    aliasScore: round(scored.alias.score),
    kraScore: scored.kraScore,
    skillScore: round(scored.skill.score),
    domainScore: scored.domainScore,
    kraMatches: scored.kraMatches.slice(0, KRA_MATCHES_RECORDED),
    skillOverlap: { matched: scored.skill.matched, coreCount: scored.skill.coreCount },
  };
}

function proposedRoleName(title: string | null): string {
  return (title ? cleanDisplayTitle(title) : '') || 'Unclassified Role';
}

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/\+/g, 'p')
    .replace(/#/g, 'sharp')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function dedupe(sentences: readonly string[]): string[] {
  const unique = new Set(sentences.map((sentence) => sentence.trim()));
  unique.delete('');
  return [...unique];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
