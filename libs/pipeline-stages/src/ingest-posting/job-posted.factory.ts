import { createHash, randomUUID } from 'node:crypto';

import { derivedEventId, type ExtractionMode, type JobPostedV1 } from '@jdpipe/contracts';

/** A posting as a user or an ATS hands it in. */
export interface PostingSubmission {
  postingId?: string;
  title?: string | null;
  description: string;
  location?: string | null;
  company?: string | null;
  source?: string | null;
  /** Set by `jdpipe rerun`: the earlier run of the same posting that this run re-does. */
  rerunOf?: string;
}

export interface JobPostedOptions {
  mode?: ExtractionMode;
  /**
   * One run per distinct posting content: the run id is derived from the posting id and its text, so an ATS
   * that sends the same posting twice gets the same run back and the persister stores it once. The CLI
   * leaves this off: running a file again is a new run of the same posting.
   */
  idempotentRun?: boolean;
  now?: Date;
}

/** The `jobs.posted.v1` event that starts a run; every ingest edge (CLI, HTTP gateway) builds it here. */
export function newJobPostedEvent(submission: PostingSubmission, producer: string, options: JobPostedOptions = {}): JobPostedV1 {
  const at = (options.now ?? new Date()).toISOString();
  const postingId = submission.postingId?.trim() || postingIdOf(submission.description);
  const runId = options.idempotentRun
    ? derivedEventId(
        createHash('sha256')
          .update(JSON.stringify([postingId, submission.title ?? null, submission.description]))
          .digest('hex'),
        'run',
      )
    : randomUUID();
  return {
    eventId: options.idempotentRun ? derivedEventId(runId, producer) : randomUUID(),
    runId,
    postingId,
    schemaVersion: '1.0',
    occurredAt: at,
    postedAt: at,
    producer,
    mode: options.mode ?? 'offline',
    posting: {
      title: submission.title ?? null,
      description: submission.description,
      location: submission.location ?? null,
      company: submission.company ?? null,
      source: submission.source ?? producer,
    },
    timings: {},
    ...(submission.rerunOf ? { rerunOf: submission.rerunOf } : {}),
  };
}

/** Same text, same posting id: re-running a file shows up as another run of the same posting. */
export function postingIdOf(description: string): string {
  return 'posting-' + createHash('sha256').update(description).digest('hex').slice(0, 16);
}
