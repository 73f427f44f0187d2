import { createHash, randomUUID } from 'node:crypto';

import type { ExtractionMode, JobPostedV1 } from '@jdpipe/contracts';

/** A posting as a user or an ATS hands it in. */
export interface PostingSubmission {
  postingId?: string;
  title?: string | null;
  description: string;
  location?: string | null;
  company?: string | null;
  source?: string | null;
}

/** The `jobs.posted.v1` event that starts a run; every ingest edge (CLI, HTTP gateway) builds it here. */
export function newJobPostedEvent(submission: PostingSubmission, producer: string, mode: ExtractionMode = 'offline', now = new Date()): JobPostedV1 {
  const at = now.toISOString();
  return {
    eventId: randomUUID(),
    runId: randomUUID(),
    postingId: submission.postingId?.trim() || postingIdOf(submission.description),
    schemaVersion: '1.0',
    occurredAt: at,
    postedAt: at,
    producer,
    mode,
    posting: {
      title: submission.title ?? null,
      description: submission.description,
      location: submission.location ?? null,
      company: submission.company ?? null,
      source: submission.source ?? producer,
    },
    timings: {},
  };
}

/** Same text, same posting id: re-running a file shows up as another run of the same posting. */
export function postingIdOf(description: string): string {
  return 'posting-' + createHash('sha256').update(description).digest('hex').slice(0, 16);
}
