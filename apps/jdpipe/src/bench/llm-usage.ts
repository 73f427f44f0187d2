import type { RunDocument } from '@jdpipe/contracts';

/** What the model cost over a set of runs, per posting: the figures the LLM option is judged by. */
export interface LlmUsage {
  postings: number;
  callsPerPosting: number;
  /** Calls answered from the response cache (no tokens, no cost). */
  cacheHits: number;
  failedCalls: number;
  tokensPerPosting: { input: number; cached: number; output: number };
  /** USD; calls of a model missing from the price table count as 0 here and are listed in `unpricedCalls`. */
  costPerPosting: number;
  unpricedCalls: number;
  /** Skills the model proposed without a quote from the posting, dropped by the merge. */
  ungroundedSkillsDropped: number;
  /** Other model answers the merge rules refused (invented numbers, roles outside the candidates …). */
  answersRefused: number;
  /** Stage fallbacks to the offline result after a failed call. */
  fallbacks: number;
  fieldsFromLlm: number;
  skillsFromLlm: number;
  /** New-skill enrichments kept for reviewers, and those dropped for values outside the catalog's lists. */
  enrichmentsKept: number;
  enrichmentsDropped: number;
}

export function llmUsageOf(runs: readonly RunDocument[]): LlmUsage {
  const calls = runs.flatMap((run) => run.llmCalls);
  const per = (total: number) => (runs.length === 0 ? 0 : total / runs.length);
  const sum = (pick: (value: (typeof calls)[number]) => number) => calls.reduce((total, call) => total + pick(call), 0);
  const assisted = runs.flatMap((run) => (run.llmAssist ? [run.llmAssist] : []));
  const count = (pick: (summary: (typeof assisted)[number]) => number) => assisted.reduce((total, summary) => total + pick(summary), 0);
  return {
    postings: runs.length,
    callsPerPosting: per(calls.length),
    cacheHits: calls.filter((call) => call.cacheHit).length,
    failedCalls: calls.filter((call) => call.error !== null).length,
    tokensPerPosting: {
      input: per(sum((call) => call.inputTokens)),
      cached: per(sum((call) => call.cachedTokens)),
      output: per(sum((call) => call.outputTokens)),
    },
    costPerPosting: per(sum((call) => call.costUsd ?? 0)),
    unpricedCalls: calls.filter((call) => call.costUsd === null).length,
    ungroundedSkillsDropped: count((summary) => summary.ungroundedSkillsDropped),
    answersRefused: count((summary) => summary.rejected.length),
    fallbacks: count((summary) => summary.fallbacks.length),
    fieldsFromLlm: count((summary) => summary.fieldsFromLlm.length),
    skillsFromLlm: count((summary) => summary.skillsFromLlm.length),
    enrichmentsKept: count((summary) => summary.skillEnrichments?.length ?? 0),
    enrichmentsDropped: count((summary) => summary.enrichmentsDropped ?? 0),
  };
}

/** `1.00 calls · tokens 2,140 in (0 cached) / 410 out · $0.000419` per posting. */
export function formatLlmUsage(usage: LlmUsage): string {
  const tokens = (value: number) => Math.round(value).toLocaleString('en-US');
  return (
    `${usage.callsPerPosting.toFixed(2)} calls · tokens ${tokens(usage.tokensPerPosting.input)} in ` +
    `(${tokens(usage.tokensPerPosting.cached)} cached) / ${tokens(usage.tokensPerPosting.output)} out · ` +
    `$${usage.costPerPosting.toFixed(6)} per posting`
  );
}
