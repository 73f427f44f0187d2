import { deriveEvent, type RunCompletedV1, type SkillsResolvedV1 } from '@jdpipe/contracts';
import { currentTraceId, PipelineMetrics } from '@jdpipe/telemetry';

import { elapsedSince } from '../parse-posting/parse-posting.handler';
import { buildRunDocument } from './run-document.builder';
import type { RunRecorder } from './run-recorder.port';

export const PERSISTER_PRODUCER = 'persister';

/** Persister stage: one transaction for the run and its effects, then the completion event. */
export class PersistRunHandler {
  private readonly metrics = new PipelineMetrics();

  constructor(private readonly recorder: RunRecorder) {}

  /**
   * A redelivered event writes nothing but publishes the completion again from the stored run, so a crash
   * between commit and publish never leaves rows without their event (the event id is the same both times).
   */
  async handle(event: SkillsResolvedV1): Promise<RunCompletedV1> {
    const started = performance.now();
    const built = { ...buildRunDocument(event, new Date()), traceId: currentTraceId() ?? null };
    const dedupe = { consumer: PERSISTER_PRODUCER, eventId: event.eventId };
    const outcome = await this.recorder.saveRun(built, dedupe, event.kraVector, event.llmExchanges, event.kraVectorModel);
    const run = outcome === 'saved' ? built : ((await this.recorder.getRun(event.runId)) ?? built);
    if (outcome === 'saved' && event.postedAt) this.metrics.recordRunCompleted(event.postedAt);
    // The stored document cannot hold the time of its own write; the event does.
    const timings = { ...run.timings, persist: elapsedSince(started) };
    const { eventId, runId, postingId, schemaVersion, occurredAt, producer } = event;
    const envelope = { eventId, runId, postingId, schemaVersion, occurredAt, producer };
    return deriveEvent(envelope, PERSISTER_PRODUCER, { run: { ...run, timings } });
  }
}
