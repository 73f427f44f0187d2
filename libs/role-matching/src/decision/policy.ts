/**
 * The decision policy in numbers. Every constant here is a judgement; they live together so that tuning
 * one is a visible change.
 *
 * Combined score of a role = Σ weight(s) · evidence(s) / Σ weight(s), over the signals that are informative
 * for this posting (a signal that is zero for every role, e.g. no skills extracted, is left out rather than
 * counted as evidence against every role). Evidence per signal is in 0..1:
 *   alias  = 1 exact, 0.35..0.85 partial containment;
 *   kra    = min(1, kraScore / KRA_FULL_EVIDENCE), kraScore = mean of the top-k per-sentence best cosines;
 *   skill  = weighted core-skill overlap;
 *   domain = the role's domain keyword score.
 */
export const SIGNAL_WEIGHTS = { alias: 0.4, kra: 0.3, skill: 0.2, domain: 0.1 } as const;
export type SignalName = keyof typeof SIGNAL_WEIGHTS;
export const SIGNAL_NAMES: readonly SignalName[] = ['alias', 'kra', 'skill', 'domain'];

/** A mean top-k cosine of 0.5 between bullets and KRAs is as strong as lexical evidence gets. */
export const KRA_FULL_EVIDENCE = 0.5;

export const THRESHOLDS = {
  /** kraScore a role needs for KRA to carry a decision. */
  kra: 0.25,
  /** Skill overlap a role needs for SKILL to carry a decision. */
  skill: 0.35,
  /** A partial title match this strong can carry a decision on its own. */
  partialAlias: 0.6,
  /** Domain score needed for the DOMAIN fallback. */
  domain: 0.5,
  /** A responsibility sentence "matches" a KRA from this cosine on (for the "n of m" in the reasoning). */
  sentenceMatch: 0.2,
  /** Below this cosine against every KRA of the chosen role, a responsibility is proposed as a new KRA. */
  kraProposal: 0.15,
  /** An exact alias is overruled only when another role's non-title evidence is this much stronger (0..1). */
  aliasContradiction: 0.3,
} as const;

/** Sentences counted in kraScore: about 60% of the responsibilities, between 1 and 5. */
export function kraTopK(sentenceCount: number): number {
  return Math.min(5, Math.max(1, Math.ceil(sentenceCount * 0.6)));
}

export type EvidenceBySignal = Record<SignalName, number>;

export function combinedScore(evidence: EvidenceBySignal, informative: ReadonlySet<SignalName>): number {
  let weighted = 0;
  let total = 0;
  for (const signal of informative) {
    weighted += SIGNAL_WEIGHTS[signal] * evidence[signal];
    total += SIGNAL_WEIGHTS[signal];
  }
  return total === 0 ? 0 : weighted / total;
}

/** Σ weight·evidence over every signal, absent ones included: how much evidence there is in absolute terms. */
export function absoluteScore(evidence: EvidenceBySignal, includeAlias = true): number {
  return SIGNAL_NAMES.reduce(
    (sum, signal) => sum + (includeAlias || signal !== 'alias' ? SIGNAL_WEIGHTS[signal] * evidence[signal] : 0),
    0,
  );
}

/** The same combination without the title: what the posting's content alone says about a role. */
export function contentScore(evidence: EvidenceBySignal, informative: ReadonlySet<SignalName>): number {
  const withoutAlias = new Set([...informative].filter((signal) => signal !== 'alias'));
  return combinedScore(evidence, withoutAlias);
}

/**
 * Confidence, calibrated so that a confident wrong answer is rare:
 *   raw = 0.10 + 0.35·strength + 0.30·min(1, margin / 0.15) + 0.25·agreement
 * strength = the chosen role's absolute score (Σ weight·evidence over all four signals, so a decision resting on
 * one signal cannot look strong); margin = its absolute lead over the next role; agreement = mean over
 * informative signals of (chosen role's evidence / best evidence any role has on that signal), i.e. 1 when
 * the chosen role leads every signal. Then: ×0.7 when an exact title alias was overruled, ×0.85 when a title
 * was given but explains nothing about the chosen role; capped per case (ALIAS 0.98, or 0.70 when the title
 * only partly matches, KRA 0.90, SKILL 0.80, DOMAIN 0.50) and clamped to [0.05, 0.98].
 */
export const CLEAR_MARGIN = 0.15;
export const CASE_CONFIDENCE_CAP = { ALIAS: 0.98, KRA: 0.9, SKILL: 0.8, DOMAIN: 0.5, NEW: 0.9 } as const;
export const PARTIAL_ALIAS_CONFIDENCE_CAP = 0.7;

export interface ConfidenceInputs {
  strength: number;
  margin: number;
  agreement: number;
  aliasOverruled: boolean;
  titleUnexplained: boolean;
  /** ALIAS carried by a title that only contains an alias. */
  partialAliasOnly: boolean;
  decisionCase: keyof typeof CASE_CONFIDENCE_CAP;
}

export function matchConfidence(inputs: ConfidenceInputs): number {
  let confidence = 0.1 + 0.35 * inputs.strength + 0.3 * clamp(inputs.margin / CLEAR_MARGIN, 0, 1) + 0.25 * inputs.agreement;
  if (inputs.aliasOverruled) confidence *= 0.7;
  if (inputs.titleUnexplained) confidence *= 0.85;
  const cap = inputs.partialAliasOnly ? PARTIAL_ALIAS_CONFIDENCE_CAP : CASE_CONFIDENCE_CAP[inputs.decisionCase];
  return finalConfidence(Math.min(confidence, cap));
}

/**
 * Confidence that the posting needs a new role: high when even the closest role is far below every threshold.
 * closeness = max over signals of (closest role's value / that signal's threshold), capped at 1.
 *   confidence = 0.3 + 0.6·(1 − closeness)
 */
export function newRoleConfidence(closeness: number): number {
  return finalConfidence(Math.min(CASE_CONFIDENCE_CAP.NEW, 0.3 + 0.6 * (1 - clamp(closeness, 0, 1))));
}

function finalConfidence(value: number): number {
  return Math.round(clamp(value, 0.05, 0.98) * 100) / 100;
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
