import { type LlmCallRecord } from '@jdpipe/contracts';

import { type LlmErrorCode } from '../errors/llm-error';

/** One model call as the `llm_calls` table keeps it: the run document's record plus the bodies. */
export interface LlmCallEntry {
  runId: string;
  record: LlmCallRecord;
  /** Stable code of the failure, null on success and cache hits. */
  errorCode: LlmErrorCode | null;
  /** HTTP requests made: 0 for a cache hit or a refused budget, more than 1 after retries. */
  attempts: number;
  /** The request body sent (or that would have been sent); never carries credentials. */
  requestBody: unknown;
  /** The last response body received, or the cached one; null when nothing usable came back. */
  responseBody: unknown;
  startedAt: string;
}

/**
 * Receives every call: success, cache hit or failure, exactly once. Stages collect the records into the
 * run document; the persister writes them to `llm_calls`.
 */
export interface LlmCallSink {
  record(entry: LlmCallEntry): Promise<void>;
}

/** Keeps entries in memory, in call order; for a stage collecting its run's calls, and for tests. */
export class InMemoryLlmCallSink implements LlmCallSink {
  readonly entries: LlmCallEntry[] = [];

  record(entry: LlmCallEntry): Promise<void> {
    this.entries.push(entry);
    return Promise.resolve();
  }

  /** The run document's `llmCalls` for one run. */
  recordsFor(runId: string): LlmCallRecord[] {
    return this.entries.filter((entry) => entry.runId === runId).map((entry) => entry.record);
  }
}
