import { type CatalogIndex, type CatalogRole } from '@jdpipe/catalog';
import {
  type CandidateRoleSignal,
  type DecisionCase,
  type KraMatch,
  type Proposal,
  type RoleChoice,
  type RoleSignals,
  type RunnerUpRole,
} from '@jdpipe/contracts';

import { roundScore } from '../precision/precision';
import { AliasIndex, type AliasSignal } from '../signals/alias-signal';
import { DomainKeywordIndex, type DomainScore } from '../signals/domain-signal';
import { blendKraMatches, type KraEmbeddingEvidence } from '../signals/kra-embedding';
import { KraIndex, type WeightedSentence } from '../signals/kra-index';
import { SkillOverlapIndex } from '../signals/skill-signal';
import { isContentWord, wordTokens } from '../text/terms';
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
import { EvidenceBounds, unboundedRankBounds } from './evidence-bounds';
import { ACCEPT_ALL, RoleRanking, type RankOrder } from './role-ranking';
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

/**
 * Scores the roles of the library on title alias, KRA similarity, skill overlap and domain, then decides. Alias,
 * skill and domain evidence are exact and cheap for every role; KRA similarity is bounded for every role from
 * one inverted index and computed exactly only for the roles whose bounds can still change the decision (see
 * `RoleRanking`), so a library of thousands of roles costs about what a few dozen would.
 */
export class RoleMatcher {
  private readonly positionBySlug = new Map<string, number>();
  private readonly positionsByDomain = new Map<string, number[]>();
  /** Reused by every posting: library-sized arrays allocated once, not per posting. */
  private readonly bounds: EvidenceBounds;

  private constructor(
    private readonly roles: readonly CatalogRole[],
    private readonly aliasIndex: AliasIndex,
    private readonly kraIndex: KraIndex,
    private readonly skillIndex: SkillOverlapIndex,
    private readonly domainIndex: DomainKeywordIndex,
    private readonly exhaustive: boolean,
  ) {
    this.bounds = new EvidenceBounds(roles.length);
    roles.forEach((role, position) => {
      this.positionBySlug.set(role.slug, position);
      const positions = this.positionsByDomain.get(role.domain);
      if (positions) positions.push(position);
      else this.positionsByDomain.set(role.domain, [position]);
    });
  }

  /**
   * Precomputes normalised aliases, KRA term vectors with IDF over all KRAs, skill weights and domain keywords.
   * `exhaustive` scores every role of the library for every posting instead of only the roles whose bounds can
   * reach the decision: the same decision, much slower on a large library; it exists to check that claim.
   */
  static build(catalog: CatalogIndex, options: { exhaustive?: boolean } = {}): RoleMatcher {
    const { roles, domains } = catalog.catalog;
    return new RoleMatcher(
      roles,
      new AliasIndex(roles),
      new KraIndex(roles),
      new SkillOverlapIndex(roles),
      new DomainKeywordIndex(domains),
      options.exhaustive ?? false,
    );
  }

  /** The sentences the KRA signal compares with KRAs: what an embedding of the posting must cover. */
  kraSentences(input: RoleMatchInput): string[] {
    // Requirements stand in for responsibilities only when a posting lists no duties at all.
    return dedupe(input.responsibilitySentences.length > 0 ? input.responsibilitySentences : input.requirementSentences);
  }

  /** The KRAs of a library role; empty for an unknown slug. */
  krasOf(slug: string): readonly string[] {
    const position = this.positionBySlug.get(slug);
    return position === undefined ? [] : this.roles[position].kras;
  }

  /**
   * `embedded`, when given, re-scores the KRA signal of the roles it covers with the higher of the lexical and
   * the embedding similarity per sentence (`blendKraMatches`); every other role keeps the lexical similarity.
   */
  match(input: RoleMatchInput, embedded?: KraEmbeddingEvidence): RoleDecision {
    if (this.roles.length === 0) return this.emptyLibraryDecision(input);
    const sentences = this.kraSentences(input);
    const aliasSignal = this.aliasIndex.match(input.title, input.roleAliases);
    const domainScores = this.domainIndex.score(input.text);
    const weighed = this.kraIndex.weighPosting(sentences);
    const postingSkills = new Set(input.skillSlugs);
    const topK = kraTopK(sentences.length);

    const hitByRole = new Map(aliasSignal.hits.map((hit) => [hit.roleSlug, hit]));
    const domainScoreOf = new Map(domainScores.map((score) => [score.domain, score.score]));
    const bounds = this.evidenceBounds(aliasSignal, domainScores, postingSkills, sentences.length === 0 ? null : weighed.sentences, topK);
    // A signal no role scores on (no title match, no skills) is left out instead of lowering every score.
    const scoresOn = new Set(SIGNAL_NAMES.filter((signal) => signal !== 'kra' && bounds.max(signal) > 0));
    let informative: ReadonlySet<SignalName> = scoresOn;

    // KRA matches do not depend on which signals are informative: both rankings below share them.
    const kraMatchesByPosition = new Map<number, KraMatch[]>();
    const lexicalKraMatches = (position: number): KraMatch[] =>
      bounds.kra[position] > 0 ? this.kraIndex.bestKraPerSentence(this.roles[position].slug, weighed) : [];
    if (embedded && sentences.length > 0) {
      for (const [slug, matches] of embedded.matchesByRole) {
        const position = this.positionBySlug.get(slug);
        if (position === undefined) continue;
        const blended = blendKraMatches(lexicalKraMatches(position), matches);
        kraMatchesByPosition.set(position, blended);
        // The blend can exceed the lexical bound: the ranking must still see the role as reachable.
        bounds.raiseKraScoreBound(position, meanOfTop(blended, topK));
      }
    }
    const kraMatchesAt = (position: number): KraMatch[] => {
      let matches = kraMatchesByPosition.get(position);
      if (!matches) {
        matches = lexicalKraMatches(position).sort((left, right) => right.similarity - left.similarity);
        kraMatchesByPosition.set(position, matches);
      }
      return matches;
    };
    const scoreRole = (position: number): ScoredRole => {
      const role = this.roles[position];
      const hit = hitByRole.get(role.slug) ?? null;
      const kraMatches = kraMatchesAt(position);
      const kraScore = sentences.length === 0 ? 0 : meanOfTop(kraMatches, topK);
      const skill = this.skillIndex.overlap(role.slug, postingSkills);
      const domainScore = domainScoreOf.get(role.domain) ?? 0;
      const evidence = { alias: hit?.score ?? 0, kra: Math.min(1, kraScore / KRA_FULL_EVIDENCE), skill: skill.score, domain: domainScore };
      return {
        role,
        alias: { score: hit?.score ?? 0, exact: hit?.exact ?? false, alias: hit?.alias ?? null, matchedTitle: hit?.matchedTitle ?? null },
        kraScore: roundScore(kraScore),
        kraMatches,
        skill,
        domainScore,
        evidence,
        score: roundScore(combinedScore(evidence, informative)),
        contentScore: roundScore(contentScore(evidence, informative)),
        absoluteScore: absoluteScore(evidence),
        absoluteContentScore: absoluteScore(evidence, false),
      };
    };
    const rankingUnder = (signals: ReadonlySet<SignalName>): RoleRanking =>
      this.exhaustive
        ? new RoleRanking(this.roles.length, unboundedRankBounds(this.roles.length), scoreRole)
        : new RoleRanking(this.roles.length, bounds.rankBounds(signals), scoreRole, bounds.rankFloors(signals));
    // Whether any role scores on KRAs is known only once the best-bounded roles are scored exactly. A role
    // bounded at 0 shares no term with the sentences: only the others can hold the strongest KRA evidence.
    const bestKra = rankingUnder(scoresOn).first('kra', ACCEPT_ALL, this.exhaustive ? undefined : bounds.kraReachable());
    if (bestKra && bestKra.evidence.kra > 0) scoresOn.add('kra');
    // In signal order, so that scores are summed in the same order for every posting.
    informative = new Set(SIGNAL_NAMES.filter((signal) => scoresOn.has(signal)));
    const ranking = rankingUnder(informative);
    const ranked = ranking.best(CANDIDATES_RECORDED + 1, 'score');
    const titled = aliasSignal.hits.map((hit) => this.positionBySlug.get(hit.roleSlug)!);

    const choice = decide(ranking, domainScores, informative, {
      exactTitle: titled.filter((position) => hitByRole.get(this.roles[position].slug)?.exact),
      mayPass: this.exhaustive ? undefined : bounds.mayPassThresholds(),
      inDomain: (domain) => this.positionsByDomain.get(domain) ?? [],
    });
    const runnerUpPool = ranked.filter((role) => role !== choice.chosen);
    const runnerUp = runnerUpPool[0] ?? null;
    const confidence = this.confidenceOf(
      choice,
      ranking,
      { best: ranked[0] ?? null, kra: bestKra, bounds },
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

    const leaders = ranked.slice(0, CANDIDATES_RECORDED);
    const titledInOrder = ranking.best(titled.length, 'score', () => true, titled);
    const recorded = [...leaders, ...titledInOrder.filter((scoredRole) => !leaders.includes(scoredRole))];
    if (choice.chosen && !recorded.includes(choice.chosen)) recorded.push(choice.chosen);
    const candidateSignal = (scored: ScoredRole): CandidateRoleSignal => {
      const signal = toCandidateSignal(scored);
      if (!embedded) return signal;
      return { ...signal, kraSimilarity: embedded.matchesByRole.has(scored.role.slug) ? 'embedding-blend' : 'lexical' };
    };
    return {
      role,
      runnersUp: runnerUpPool
        .filter((scoredRole) => scoredRole.score > 0)
        .slice(0, RUNNERS_UP)
        .map((scoredRole) => ({ slug: scoredRole.role.slug, displayName: scoredRole.role.name, score: scoredRole.score })),
      signals: {
        normalisedTitle: aliasSignal.normalisedTitle,
        aliasHits: aliasSignal.hits.map(({ roleSlug, alias, matchedTitle }) => ({ roleSlug, alias, matchedTitle })),
        candidates: recorded.map(candidateSignal),
        domainScores,
        ...(embedded ? { kraEmbeddingModel: embedded.model } : {}),
      },
      proposals: role ? this.proposalsFor(choice, role, sentences, input.title, runnerUp) : [],
      kraVector: weighed.kraVector,
    };
  }

  /** Exact alias, skill and domain evidence of every role, and a bound of its KRA evidence. */
  private evidenceBounds(
    aliasSignal: AliasSignal,
    domainScores: readonly DomainScore[],
    postingSkills: ReadonlySet<string>,
    sentences: readonly WeightedSentence[] | null,
    topK: number,
  ): EvidenceBounds {
    const bounds = this.bounds;
    bounds.reset();
    for (const hit of aliasSignal.hits) bounds.alias[this.positionBySlug.get(hit.roleSlug)!] = hit.score;
    for (const { domain, score } of domainScores)
      for (const position of this.positionsByDomain.get(domain) ?? []) bounds.domain[position] = score;
    this.skillIndex.scoreOverlapping(postingSkills, (position, score) => (bounds.skill[position] = score));
    if (sentences) {
      this.kraIndex.kraScoreBounds(sentences, topK, (position, kraScoreBound) => bounds.setKraScoreBound(position, kraScoreBound));
    }
    return bounds;
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
      kraVector: this.kraIndex.weighPosting(sentences).kraVector,
    };
  }

  private confidenceOf(
    choice: Choice,
    ranking: RoleRanking,
    leaders: { best: ScoredRole | null; kra: ScoredRole | null; bounds: EvidenceBounds },
    informative: ReadonlySet<SignalName>,
    titleGiven: boolean,
    sentenceCount: number,
  ): number {
    const { chosen } = choice;
    if (!chosen) return newRoleConfidence(closenessToThresholds(leaders.best, sentenceCount));
    // Best evidence any role has on a signal: exact for the cheap signals, the best scored role for KRA.
    const bestEvidence = (signal: SignalName): number => (signal === 'kra' ? (leaders.kra?.evidence.kra ?? 0) : leaders.bounds.max(signal));
    const agreementSignals = [...informative];
    const agreement =
      agreementSignals.length === 0
        ? 0
        : agreementSignals.reduce((sum, signal) => {
            const best = bestEvidence(signal);
            return sum + (best > 0 ? chosen.evidence[signal] / best : 0);
          }, 0) / agreementSignals.length;
    // When content overruled the title, the content scores are what the choice stands on.
    const order = choice.overruledAlias ? 'absoluteContent' : 'absolute';
    const scoreOf = (role: ScoredRole): number => (choice.overruledAlias ? role.absoluteContentScore : role.absoluteScore);
    const strength = scoreOf(chosen);
    const rival = ranking.best(2, order).find((role) => role !== chosen) ?? null;
    const margin = rival ? strength - scoreOf(rival) : strength;
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
    // The cheap similarity test first, and only until enough are found. Content words are counted, not stemmed:
    // each gives one stem, and the stems themselves are not needed here.
    const proposed: string[] = [];
    for (const sentence of sentences) {
      if (proposed.length === MAX_KRA_PROPOSALS) break;
      if (
        (bestBySentence.get(sentence)?.similarity ?? 0) < THRESHOLDS.kraProposal &&
        wordTokens(sentence).filter(isContentWord).length >= MIN_PROPOSAL_WORDS
      )
        proposed.push(sentence);
    }
    return proposed.map((sentence) => {
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

/** Cheap tests on catalog positions that narrow each question of the policy before any role is scored. */
interface PolicyFilters {
  /** Positions of the roles an exact title alias names. */
  exactTitle: readonly number[];
  /** Positions of every role that may pass a KRA, skill or partial-title threshold (all roles when undefined). */
  mayPass: readonly number[] | undefined;
  /** Positions of the roles of a domain. */
  inDomain: (domain: string) => readonly number[];
}

/**
 * The policy: an exact title alias wins unless the content strongly contradicts it; otherwise the best role
 * passing a KRA, skill or partial-title threshold; otherwise the best role of a clear domain; otherwise NEW.
 */
function decide(
  ranking: RoleRanking,
  domainScores: readonly DomainScore[],
  informative: ReadonlySet<SignalName>,
  filters: PolicyFilters,
): Choice {
  const exactHit = filters.exactTitle.length > 0 ? ranking.first('score', (role) => role.alias.exact, filters.exactTitle) : null;
  let overruledAlias: ScoredRole | null = null;
  let order: RankOrder = 'score';
  if (exactHit) {
    const rival = ranking.best(2, 'content').find((role) => role !== exactHit) ?? null;
    const contradicted =
      rival !== null && passesContentThreshold(rival) && rival.contentScore - exactHit.contentScore >= THRESHOLDS.aliasContradiction;
    if (!contradicted) return { chosen: exactHit, decisionCase: 'ALIAS', overruledAlias: null };
    overruledAlias = exactHit;
    // The title lost: rank on content alone from here.
    order = 'content';
  }
  const eligible = ranking.first(
    order,
    (role) => role !== overruledAlias && (passesContentThreshold(role) || (!overruledAlias && role.alias.score >= THRESHOLDS.partialAlias)),
    filters.mayPass,
  );
  if (eligible) return { chosen: eligible, decisionCase: carryingCase(eligible), overruledAlias };
  const clearDomain = domainScores.find((score) => score.score >= THRESHOLDS.domain);
  if (clearDomain && informative.has('domain')) {
    const bestInDomain = ranking.first(order, (role) => role !== overruledAlias, filters.inDomain(clearDomain.domain));
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
    aliasScore: roundScore(scored.alias.score),
    kraScore: scored.kraScore,
    skillScore: roundScore(scored.skill.score),
    domainScore: scored.domainScore,
    kraMatches: scored.kraMatches.slice(0, KRA_MATCHES_RECORDED),
    skillOverlap: { matched: scored.skill.matched, coreCount: scored.skill.coreCount },
  };
}

/** kraScore: the mean of the `topK` strongest per-sentence similarities (matches are strongest first). */
function meanOfTop(matches: readonly KraMatch[], topK: number): number {
  return matches.slice(0, topK).reduce((sum, match) => sum + match.similarity, 0) / topK;
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
