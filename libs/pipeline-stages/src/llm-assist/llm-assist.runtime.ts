import type { ExtractionMode, LlmAssistSummary, LlmCallRecord } from '@jdpipe/contracts';
import { isLlmError, type LlmCallEntry, type LlmCallSink, type LlmClient } from '@jdpipe/llm';

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

/** The platform's model access: a client when one is configured, and the mode a run gets when it names none. */
export class LlmAssist {
  constructor(
    readonly client: LlmClient | null,
    readonly calls: RunLlmCallCollector,
    readonly defaultMode: ExtractionMode,
  ) {}

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
  summary: LlmAssistSummary;
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
): Promise<{ value: T | null; records: LlmCallRecord[]; fallback: string | null }> {
  const client = assist.client;
  if (!client) return { value: null, records: [], fallback: null };
  try {
    const value = await call(client);
    return { value, records: assist.calls.take(runId).map((entry) => entry.record), fallback: null };
  } catch (error) {
    if (!isLlmError(error)) {
      assist.calls.take(runId);
      throw error;
    }
    const fallback = `${stage}: ${error.code}`;
    const records = assist.calls.take(runId).map((entry) => entry.record);
    const last = records.at(-1);
    if (last) records[records.length - 1] = { ...last, error: `${last.error ?? error.code}; fallback: offline result kept` };
    return { value: null, records, fallback };
  }
}
