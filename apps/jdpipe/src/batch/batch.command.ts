import { createWriteStream, readFileSync } from 'node:fs';

import type { RunDocument } from '@jdpipe/contracts';

import type { PostingSubmitter } from '../ingest/posting-submitter';
import { postingFromJson } from '../cli/posting-input';
import { ProgressBar } from './progress-bar';

/** Postings in flight at once: enough to keep every stage busy, few enough to keep memory flat. */
const IN_FLIGHT = 8;

export interface BatchSummary {
  total: number;
  completed: number;
  rejected: number;
  failed: number;
  badLines: number;
  elapsedMs: number;
}

/** Runs every line of a JSONL file; a bad line is reported on stderr and skipped, never fatal. */
export async function runBatch(submitter: PostingSubmitter, file: string, outFile: string | null): Promise<BatchSummary> {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((text, index) => ({ text: text.trim(), lineNo: index + 1 }))
    .filter((l) => l.text);
  const out = outFile ? createWriteStream(outFile) : null;
  const progress = new ProgressBar(lines.length);
  const summary: BatchSummary = { total: lines.length, completed: 0, rejected: 0, failed: 0, badLines: 0, elapsedMs: 0 };
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      const { text, lineNo } = lines[next++]!;
      let run: RunDocument;
      try {
        run = await submitter.submit(postingFromJson(text, `${file}:${lineNo}`));
      } catch (error) {
        summary.badLines += 1;
        process.stderr.write(`\n${(error as Error).message} — line skipped\n`);
        progress.tick(false);
        continue;
      }
      summary[run.status] += 1;
      if (out) out.write(JSON.stringify(run) + '\n');
      else process.stdout.write(summaryLine(run) + '\n');
      progress.tick(run.status !== 'failed');
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  progress.finish();
  if (out) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  summary.elapsedMs = performance.now() - started;
  return summary;
}

function summaryLine(run: RunDocument): string {
  const outcome = run.role ? `${run.role.slug} (${run.role.case} ${run.role.confidence.toFixed(2)})` : (run.rejection?.code ?? '');
  return [run.postingId, run.status, outcome, `${run.skills.length} skills`].join('\t');
}
