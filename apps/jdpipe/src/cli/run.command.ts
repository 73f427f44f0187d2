import type { PostingSubmitter } from '../ingest/posting-submitter';
import { renderRunReport, stylingFor } from '../report/run-report.renderer';
import { readPostingInput } from './posting-input';

/** `jdpipe run`: the report, or with --json the run document and nothing else on stdout. */
export async function runOne(submitter: PostingSubmitter, file: string, options: { title?: string; json: boolean }): Promise<number> {
  const run = await submitter.submit(readPostingInput(file, options.title));
  process.stdout.write(options.json ? JSON.stringify(run, null, 2) + '\n' : renderRunReport(run, stylingFor(process.stdout)));
  return run.status === 'failed' ? 1 : 0;
}
