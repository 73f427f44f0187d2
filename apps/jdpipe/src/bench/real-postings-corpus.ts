import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadEvalCases } from '@jdpipe/evaluation';
import { REAL_POSTING_SOURCES } from '@jdpipe/testing';

import type { PostingSubmission } from '@jdpipe/pipeline-stages';

/** Where a benchmark corpus comes from, said in the report so figures are never compared across corpora. */
export interface BenchCorpus {
  name: string;
  postings: PostingSubmission[];
}

// Full-text postings only: the Naukri files are search cards, not descriptions.
const FULL_TEXT_SOURCES = ['linkedin_india_jobs', 'google_job_skills', 'linkedin_us_teaching_2025'];

/**
 * Real postings from the shared data folder when it exists, else the labelled dev cases shipped in the
 * repository. A folder of .txt files can be named explicitly.
 */
export function loadBenchCorpus(explicitDir: string | undefined, evalCasesDir: string): BenchCorpus {
  if (explicitDir) {
    const files = readdirSync(explicitDir)
      .filter((n) => n.endsWith('.txt'))
      .sort();
    return { name: explicitDir, postings: files.map((n) => ({ postingId: n, description: readFileSync(join(explicitDir, n), 'utf8') })) };
  }
  const sources = REAL_POSTING_SOURCES.filter((s) => FULL_TEXT_SOURCES.includes(s.name) && s.path);
  if (sources.length > 0) {
    const postings = sources.flatMap((source) =>
      source
        .load(source.path!)
        .map((p, i) => ({ postingId: `${source.name}-${i}`, title: p.title, description: p.description, location: p.location })),
    );
    return { name: sources.map((s) => s.name).join(' + '), postings: interleave(postings) };
  }
  const cases = loadEvalCases(evalCasesDir);
  return { name: `${evalCasesDir} (shared data not found)`, postings: cases.map((c) => ({ postingId: c.id, ...c.posting })) };
}

/** Spreads the sources through the corpus so a prefix (--limit) is a mix, in a fixed order. */
function interleave(postings: PostingSubmission[]): PostingSubmission[] {
  const bySource = new Map<string, PostingSubmission[]>();
  for (const posting of postings) {
    const source = posting.postingId!.replace(/-\d+$/, '');
    bySource.set(source, [...(bySource.get(source) ?? []), posting]);
  }
  const queues = [...bySource.values()];
  const mixed: PostingSubmission[] = [];
  for (let i = 0; mixed.length < postings.length; i++) {
    for (const queue of queues) if (queue[i]) mixed.push(queue[i]!);
  }
  return mixed;
}
