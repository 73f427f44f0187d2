import type { RunDocument } from '@jdpipe/contracts';

/** Identifies the event whose effects a write belongs to, so a redelivery writes nothing twice. */
export interface DedupeKey {
  consumer: string;
  eventId: string;
}

/** Stores a run and everything it implies (links, review queue, centroid) in one transaction. */
export interface RunRecorder {
  saveRun(run: RunDocument, dedupe: DedupeKey, kraVector?: number[]): Promise<'saved' | 'duplicate'>;
  getRun(runId: string): Promise<RunDocument | null>;
}

export const RUN_RECORDER = Symbol('RUN_RECORDER');
