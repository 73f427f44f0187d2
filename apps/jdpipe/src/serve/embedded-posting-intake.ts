import type { RunDocument } from '@jdpipe/contracts';
import type { AcceptedPosting, PostingIntake } from '@jdpipe/http-api';
import type { PostingSubmission } from '@jdpipe/pipeline-stages';

import type { PostingSubmitter } from '../ingest/posting-submitter';

/** The API's intake in the embedded host: the in-process bus through the CLI's own submitter. */
export class EmbeddedPostingIntake implements PostingIntake {
  constructor(private readonly submitter: PostingSubmitter) {}

  async submit(postings: PostingSubmission[]): Promise<AcceptedPosting[]> {
    const accepted: AcceptedPosting[] = [];
    for (const posting of postings) {
      const started = await this.submitter.start(posting);
      // A run that fails is recorded as a failed run by the submitter; only a run that never ends rejects here.
      started.finished.catch((error: unknown) => process.emitWarning(`run ${started.runId}: ${(error as Error).message}`));
      accepted.push({ runId: started.runId, postingId: started.postingId });
    }
    return accepted;
  }

  runAndWait(posting: PostingSubmission): Promise<RunDocument> {
    return this.submitter.submit(posting);
  }
}
