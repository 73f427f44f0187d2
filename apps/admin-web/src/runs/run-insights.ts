import type { CandidateSignalView, KraMatchView, LlmCallView, RunView } from '../api/api-types.js';

/** One (skill × dimension) work item of the persist stage: the links it wrote or skipped, and why. */
export interface PersistenceRow {
  skillName: string;
  skillSlug: string;
  skillStatus: 'in_catalog' | 'proposed';
  dimension: string | null;
  skillLinked: boolean;
  roleLinked: boolean;
  outcome: string;
}

/**
 * What the persister did per skill and dimension. A skill↔dimension link is kept for every catalog skill; a
 * role↔dimension link only when the dimension is one of the chosen role's; a proposed skill waits for review.
 */
export function persistenceRows(run: Pick<RunView, 'skills' | 'role'>): PersistenceRow[] {
  return run.skills.flatMap((skill) => {
    if (skill.status === 'proposed') {
      return [row(skill, null, false, false, 'Proposed: waits in the review queue, no links yet')];
    }
    if (skill.dimensions.length === 0) return [row(skill, null, false, false, 'Catalog skill without dimensions')];
    return skill.dimensions.map((dimension) =>
      dimension.underChosenRole
        ? row(skill, dimension.displayName, true, true, `Linked under ${run.role?.displayName ?? 'the chosen role'}`)
        : row(skill, dimension.displayName, true, false, 'Role↔dimension skipped: dimension not under the chosen role'),
    );
  });
}

function row(
  skill: { name: string; slug: string; status: 'in_catalog' | 'proposed' },
  dimension: string | null,
  skillLinked: boolean,
  roleLinked: boolean,
  outcome: string,
): PersistenceRow {
  return { skillName: skill.name, skillSlug: skill.slug, skillStatus: skill.status, dimension, skillLinked, roleLinked, outcome };
}

/** A candidate's strongest KRA matches, best first, one per posting sentence. */
export function bestKraMatches(candidate: Pick<CandidateSignalView, 'kraMatches'>, count = 3): KraMatchView[] {
  const best = new Map<string, KraMatchView>();
  for (const match of [...candidate.kraMatches].sort((a, b) => b.similarity - a.similarity)) {
    if (!best.has(match.sentence)) best.set(match.sentence, match);
  }
  return [...best.values()].slice(0, count);
}

const STAGE_ORDER = ['parse', 'matchRole', 'resolveSkills', 'persist'];

/** Stage timings in pipeline order (unknown stages after, by name) with their share of the total. */
export function timingRows(timings: Record<string, number>): {
  rows: Array<{ stage: string; ms: number; share: number }>;
  totalMs: number;
} {
  const entries = Object.entries(timings).filter(([, ms]) => Number.isFinite(ms) && ms >= 0);
  const rank = (stage: string) => {
    const index = STAGE_ORDER.indexOf(stage);
    return index < 0 ? STAGE_ORDER.length : index;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  const totalMs = entries.reduce((sum, [, ms]) => sum + ms, 0);
  return { rows: entries.map(([stage, ms]) => ({ stage, ms, share: totalMs > 0 ? ms / totalMs : 0 })), totalMs };
}

export interface LlmTotals {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  /** Null when no call reported a cost (e.g. a local model without prices). */
  costUsd: number | null;
  latencyMs: number;
  failures: number;
}

export function llmTotals(calls: readonly LlmCallView[]): LlmTotals {
  const priced = calls.filter((call) => call.costUsd !== null);
  return {
    calls: calls.length,
    inputTokens: sum(calls.map((call) => call.inputTokens)),
    outputTokens: sum(calls.map((call) => call.outputTokens)),
    cachedTokens: sum(calls.map((call) => call.cachedTokens)),
    costUsd: priced.length === 0 ? null : sum(priced.map((call) => call.costUsd ?? 0)),
    latencyMs: sum(calls.map((call) => call.latencyMs)),
    failures: calls.filter((call) => call.error !== null).length,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
