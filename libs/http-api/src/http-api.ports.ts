import type { RunDocument } from '@jdpipe/contracts';
import type { PostingSubmission } from '@jdpipe/pipeline-stages';

/** A posting accepted for processing, with the run that will carry it. */
export interface AcceptedPosting {
  runId: string;
  postingId: string;
}

/**
 * How the API hands postings to the pipeline: the embedded host through its in-process bus, the gateway
 * through Kafka. The host provides it under `POSTING_INTAKE`.
 */
export interface PostingIntake {
  /** Queues postings and answers at once with their run ids. */
  submit(postings: PostingSubmission[]): Promise<AcceptedPosting[]>;
  /** Runs one posting and waits for its run document; the old system's endpoints answer synchronously. */
  runAndWait(posting: PostingSubmission): Promise<RunDocument>;
}

export const POSTING_INTAKE = Symbol('POSTING_INTAKE');
