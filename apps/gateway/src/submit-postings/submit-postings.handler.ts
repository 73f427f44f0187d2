import { TOPICS } from '@jdpipe/contracts';
import { publishEvent, type EventBus } from '@jdpipe/messaging';
import { newJobPostedEvent, type PostingSubmission } from '@jdpipe/pipeline-stages';

export interface AcceptedPosting {
  runId: string;
  postingId: string;
}

/** Turns accepted postings into `jobs.posted.v1` events; the run ids let the caller follow each run. */
export class SubmitPostingsHandler {
  constructor(
    private readonly bus: EventBus,
    private readonly producer: string,
  ) {}

  async submit(postings: PostingSubmission[]): Promise<AcceptedPosting[]> {
    const accepted: AcceptedPosting[] = [];
    for (const posting of postings) {
      const event = newJobPostedEvent(posting, this.producer, { idempotentRun: true });
      await publishEvent(this.bus, TOPICS.jobPosted, event);
      accepted.push({ runId: event.runId, postingId: event.postingId });
    }
    return accepted;
  }
}
