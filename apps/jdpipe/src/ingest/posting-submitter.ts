import { randomUUID } from 'node:crypto';

import {
  decodeEvent,
  deadLetterTopicOf,
  HEADERS,
  RunCompletedV1,
  STAGE_TOPICS,
  TOPICS,
  type ExtractionMode,
  type JobPostedV1,
  type RunDocument,
} from '@jdpipe/contracts';
import { MAX_DESCRIPTION_CHARS } from '@jdpipe/jd-parsing';
import { publishEvent, type BusMessage, type EventBus } from '@jdpipe/messaging';
import { newJobPostedEvent, type PostingSubmission, type RunRecorder } from '@jdpipe/pipeline-stages';

const INGEST_PRODUCER = 'cli';

/**
 * The embedded ingest edge: publishes `jobs.posted.v1` and waits for the run to end, either as
 * `runs.completed.v1` or as a dead letter on any stage, which it records as a failed run.
 */
export class PostingSubmitter {
  private readonly waiting = new Map<string, (run: RunDocument) => void>();

  constructor(
    private readonly bus: EventBus,
    private readonly recorder: RunRecorder,
    private readonly runTimeoutMs: number,
    /** The mode a posting runs in when the caller names none: the deployment's JDPIPE_LLM_MODE or --mode. */
    private readonly defaultMode: ExtractionMode = 'offline',
  ) {}

  async listen(): Promise<void> {
    await this.bus.subscribe(TOPICS.runCompleted, INGEST_PRODUCER, (message) => {
      this.settle(decodeEvent(RunCompletedV1, message.value).run);
      return Promise.resolve();
    });
    for (const topic of STAGE_TOPICS) {
      await this.bus.subscribe(deadLetterTopicOf(topic), INGEST_PRODUCER, (message) => this.recordFailure(message));
    }
  }

  /** Submits one posting and resolves with its run document (completed, rejected or failed). */
  async submit(submission: PostingSubmission, mode: ExtractionMode = this.defaultMode): Promise<RunDocument> {
    return (await this.start(submission, mode)).finished;
  }

  /** Submits one posting and answers once it is on its way: its ids at once, its run document when it ends. */
  async start(
    submission: PostingSubmission,
    mode: ExtractionMode = this.defaultMode,
  ): Promise<{ runId: string; postingId: string; finished: Promise<RunDocument> }> {
    const event = newJobPostedEvent(submission, INGEST_PRODUCER, { mode });
    const runId = event.runId;
    const finished = new Promise<RunDocument>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(runId);
        reject(new Error(`run ${runId} did not finish within ${this.runTimeoutMs} ms`));
      }, this.runTimeoutMs);
      this.waiting.set(runId, (run) => {
        clearTimeout(timer);
        resolve(run);
      });
    });
    if (event.posting.description.length > MAX_DESCRIPTION_CHARS) {
      // Refused at the edge, as the HTTP gateway answers 413: the posting never becomes an event, but the
      // run is recorded as rejected with the same code the parser would give.
      const size = event.posting.description.length;
      await this.record(
        endedRun(event, 'rejected', {
          code: 'PARSE.TOO_LARGE',
          reason: `the posting has ${size.toLocaleString('en-US')} characters; at most ${MAX_DESCRIPTION_CHARS.toLocaleString('en-US')} are accepted`,
        }),
        event.eventId,
      );
    } else {
      await publishEvent(this.bus, TOPICS.jobPosted, event);
    }
    return { runId, postingId: event.postingId, finished };
  }

  /** Stores a run that ended outside the stages, then hands it to its waiter whether or not storing worked. */
  private async record(run: RunDocument, eventId: string): Promise<void> {
    try {
      await this.recorder.saveRun(run, { consumer: 'ingest-edge', eventId });
    } catch (error) {
      process.emitWarning(`run ${run.runId} could not be stored: ${(error as Error).message}`);
    } finally {
      this.settle(run);
    }
  }

  private settle(run: RunDocument): void {
    const resolve = this.waiting.get(run.runId);
    this.waiting.delete(run.runId);
    resolve?.(run);
  }

  private async recordFailure(message: BusMessage): Promise<void> {
    let upstream: Partial<JobPostedV1> = {};
    try {
      upstream = JSON.parse(message.value.toString('utf8')) as Partial<JobPostedV1>;
    } catch {
      // Unreadable bytes: nothing to attach the failure to but the headers.
    }
    if (!upstream.runId) return;
    const rejection = {
      code: message.headers[HEADERS.errorCode] ?? 'STAGE.FAILED',
      reason: `${message.headers[HEADERS.originalTopic] ?? message.topic}: ${message.headers[HEADERS.errorReason] ?? 'unknown error'}`,
    };
    await this.record(endedRun(upstream, 'failed', rejection), upstream.eventId ?? randomUUID());
  }
}

/** The run document of a run that ended before the persister: rejected at the edge, or failed in a stage. */
function endedRun(upstream: Partial<JobPostedV1>, status: 'rejected' | 'failed', rejection: RunDocument['rejection']): RunDocument {
  const now = new Date().toISOString();
  return {
    runId: upstream.runId ?? randomUUID(),
    postingId: upstream.postingId ?? 'unknown',
    status,
    rejection,
    catalogVersion: 0,
    mode: upstream.mode ?? 'offline',
    posting: {
      title: upstream.posting?.title ?? null,
      description: upstream.posting?.description ?? '',
      location: upstream.posting?.location ?? null,
      company: upstream.posting?.company ?? null,
      source: upstream.posting?.source ?? null,
    },
    parsed: null,
    role: null,
    runnersUp: [],
    signals: null,
    skills: [],
    proposals: [],
    llmCalls: [],
    timings: upstream.timings ?? {},
    traceId: null,
    createdAt: upstream.postedAt ?? now,
    completedAt: now,
  };
}
