import type { ExtractionMode, JobPostedV1, LlmAssistSummary, LlmCallExchange, LlmCallRecord } from '@jdpipe/contracts';
import { auditExchange, isLlmError, type LlmCallEntry, type LlmCallSink, type LlmClient } from '@jdpipe/llm';

import type { EmbeddingCache } from './embedding-cache.port';

/** Collects each run's call entries until the stage that made them hands them on with its event. */
export class RunLlmCallCollector implements LlmCallSink {
  private readonly byRun = new Map<string, LlmCallEntry[]>();

  record(entry: LlmCallEntry): Promise<void> {
    const entries = this.byRun.get(entry.runId) ?? [];
    entries.push(entry);
    this.byRun.set(entry.runId, entries);
    return Promise.resolve();
  }

  /** The run's entries so far, in call order; forgets them. */
  take(runId: string): LlmCallEntry[] {
    const entries = this.byRun.get(runId) ?? [];
    this.byRun.delete(runId);
    return entries;
  }
}

/**
 * The platform's model access: a client when one is configured, the mode a run gets when it names none, and the
 * embedding cache when KRA embeddings are switched on.
 */
export class LlmAssist {
  constructor(
    readonly client: LlmClient | null,
    readonly calls: RunLlmCallCollector,
    readonly defaultMode: ExtractionMode,
    readonly embeddingCache: EmbeddingCache | null = null,
  ) {}

  /** KRA similarity by embeddings: JDPIPE_LLM_EMBEDDINGS=on and a cache to keep the vectors in. */
  get kraEmbeddings(): boolean {
    return this.client?.config.embeddings === true && this.embeddingCache !== null;
  }

  /** Offline everywhere: no client, so every run is offline whatever it asks for. */
  static offline(): LlmAssist {
    return new LlmAssist(null, new RunLlmCallCollector(), 'offline');
  }

  /** What actually runs: the requested mode, or offline when no model is configured. */
  modeFor(requested: ExtractionMode | undefined): ExtractionMode {
    if (!this.client) return 'offline';
    return requested ?? this.defaultMode;
  }
}

export const LLM_ASSIST = Symbol('LLM_ASSIST');

/** What one stage's model call did to the run, before it is merged into the run's summary. */
export interface StageAssist {
  records: LlmCallRecord[];
  /** The audited bodies of `records`, in the same order, for the `llm_calls` table. */
  exchanges: LlmCallExchange[];
  summary: LlmAssistSummary;
}

/** The model fields of a stage's outgoing event: the upstream calls, bodies and summary with this stage's appended. */
export function withStageAssist(
  upstream: Pick<JobPostedV1, 'llmCalls' | 'llmExchanges' | 'llmAssist'>,
  stage: StageAssist,
): Required<Pick<JobPostedV1, 'llmCalls' | 'llmExchanges' | 'llmAssist'>> {
  return {
    llmCalls: [...(upstream.llmCalls ?? []), ...stage.records],
    llmExchanges: [...(upstream.llmExchanges ?? []), ...stage.exchanges],
    llmAssist: mergeAssistSummaries(upstream.llmAssist, stage.summary),
  };
}

export function emptyAssistSummary(): LlmAssistSummary {
  return { fieldsFromLlm: [], skillsFromLlm: [], ungroundedSkillsDropped: 0, rejected: [], fallbacks: [] };
}

export function mergeAssistSummaries(earlier: LlmAssistSummary | undefined, later: LlmAssistSummary): LlmAssistSummary {
  const base = earlier ?? emptyAssistSummary();
  return {
    fieldsFromLlm: [...base.fieldsFromLlm, ...later.fieldsFromLlm],
    skillsFromLlm: [...base.skillsFromLlm, ...later.skillsFromLlm],
    ungroundedSkillsDropped: base.ungroundedSkillsDropped + later.ungroundedSkillsDropped,
    rejected: [...base.rejected, ...later.rejected],
    fallbacks: [...base.fallbacks, ...later.fallbacks],
    ...(base.skillEnrichments || later.skillEnrichments
      ? { skillEnrichments: [...(base.skillEnrichments ?? []), ...(later.skillEnrichments ?? [])] }
      : {}),
    ...(base.enrichmentsDropped || later.enrichmentsDropped
      ? { enrichmentsDropped: (base.enrichmentsDropped ?? 0) + (later.enrichmentsDropped ?? 0) }
      : {}),
  };
}

/**
 * Runs one model call for a stage. Any LlmError means the stage keeps its offline result: the failure is
 * noted in the summary and in the failed call's record, so the run document says the stage fell back.
 * Other errors are bugs or infrastructure failures and propagate.
 */
export async function askOrFallBack<T>(
  assist: LlmAssist,
  runId: string,
  stage: string,
  call: (client: LlmClient) => Promise<T>,
): Promise<{ value: T | null; records: LlmCallRecord[]; exchanges: LlmCallExchange[]; fallback: string | null }> {
  const client = assist.client;
  if (!client) return { value: null, records: [], exchanges: [], fallback: null };
  const collected = () => {
    const entries = assist.calls.take(runId);
    return {
      records: entries.map((entry) => entry.record),
      exchanges: entries.map((entry) => auditExchange(entry, [client.config.apiKey])),
    };
  };
  try {
    const value = await call(client);
    return { value, ...collected(), fallback: null };
  } catch (error) {
    if (!isLlmError(error)) {
      assist.calls.take(runId);
      throw error;
    }
    const fallback = `${stage}: ${error.code}`;
    const { records, exchanges } = collected();
    const last = records.at(-1);
    if (last) records[records.length - 1] = { ...last, error: `${last.error ?? error.code}; fallback: offline result kept` };
    return { value: null, records, exchanges, fallback };
  }
}
