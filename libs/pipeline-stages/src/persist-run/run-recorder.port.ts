import type { LlmCallExchange, RunDocument } from '@jdpipe/contracts';

/** Identifies the event whose effects a write belongs to, so a redelivery writes nothing twice. */
export interface DedupeKey {
  consumer: string;
  eventId: string;
}

/** Stores a run and everything it implies (links, review queue, centroid) in one transaction. */
export interface RunRecorder {
  /**
   * `llmExchanges`: the request and response of each of `run.llmCalls`, same order, kept in `llm_calls` only.
   * `kraVectorModel`: the embedding model of `kraVector`; undefined for the hashed TF-IDF vector.
   */
  saveRun(
    run: RunDocument,
    dedupe: DedupeKey,
    kraVector?: number[],
    llmExchanges?: LlmCallExchange[],
    kraVectorModel?: string,
  ): Promise<'saved' | 'duplicate'>;
  getRun(runId: string): Promise<RunDocument | null>;
}

export const RUN_RECORDER = Symbol('RUN_RECORDER');
