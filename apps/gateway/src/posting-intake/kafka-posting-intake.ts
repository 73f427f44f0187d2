import { GatewayTimeoutException } from '@nestjs/common';

import { TOPICS, type RunDocument } from '@jdpipe/contracts';
import type { AcceptedPosting, PostingIntake } from '@jdpipe/http-api';
import { publishEvent, type EventBus } from '@jdpipe/messaging';
import { newJobPostedEvent, type PostingSubmission } from '@jdpipe/pipeline-stages';

/** Where a finished run can be read back from: the deployment's run store. */
export interface RunLookup {
  getRun(runId: string): Promise<RunDocument | null>;
}

export interface KafkaPostingIntakeOptions {
  producer: string;
  /** How long `runAndWait` polls for the run before answering 504. */
  runWaitMs: number;
  pollIntervalMs?: number;
}

/**
 * The API's intake in the Kafka deployment: each posting becomes a `jobs.posted.v1` event. Run ids derive from
 * the posting, so an ATS that sends the same posting twice gets one run. Waiting for a run polls the database,
 * where the persister writes it, since the gateway does not consume the pipeline's topics.
 */
export class KafkaPostingIntake implements PostingIntake {
  constructor(
    private readonly bus: EventBus,
    private readonly runs: RunLookup,
    private readonly options: KafkaPostingIntakeOptions,
  ) {}

  async submit(postings: PostingSubmission[]): Promise<AcceptedPosting[]> {
    const accepted: AcceptedPosting[] = [];
    for (const posting of postings) accepted.push(await this.publish(posting));
    return accepted;
  }

  async runAndWait(posting: PostingSubmission): Promise<RunDocument> {
    const { runId } = await this.publish(posting);
    const deadline = Date.now() + this.options.runWaitMs;
    for (;;) {
      const run = await this.runs.getRun(runId);
      if (run) return run;
      if (Date.now() >= deadline) {
        throw new GatewayTimeoutException(
          `run ${runId} did not finish within ${this.options.runWaitMs} ms; read it later at /v1/runs/${runId}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.pollIntervalMs ?? 200));
    }
  }

  private async publish(posting: PostingSubmission): Promise<AcceptedPosting> {
    const event = newJobPostedEvent(posting, this.options.producer, { idempotentRun: true });
    await publishEvent(this.bus, TOPICS.jobPosted, event);
    return { runId: event.runId, postingId: event.postingId };
  }
}
