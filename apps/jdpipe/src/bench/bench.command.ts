import { cpus } from 'node:os';
import { join } from 'node:path';

import type { RunDocument } from '@jdpipe/contracts';

import type { PostingSubmitter } from '../ingest/posting-submitter';
import { formatMs } from '../report/run-report.renderer';
import { formatLlmUsage, type LlmUsage, llmUsageOf } from './llm-usage';
import { type BenchCorpus, loadBenchCorpus } from './real-postings-corpus';

const WARM_UP = 10;
const IN_FLIGHT = 8;

export interface BenchReport {
  corpus: string;
  postings: number;
  wallMs: number;
  postingsPerSecond: number;
  statuses: Record<string, number>;
  stages: Record<string, { p50: number; p99: number; mean: number }>;
  endToEnd: { p50: number; p99: number };
  /** The mode the runs ran in (offline when no model was configured). */
  mode: string;
  /** Model calls, tokens and cost per posting over the measured runs (warm-up excluded); zeros offline. */
  llm: LlmUsage;
  machine: string;
}

export interface BenchCommandOptions {
  /** A folder of .txt postings; default: the real postings of the shared data folder, else the dev cases. */
  corpus: string | undefined;
  limit: number;
  json: boolean;
}

/** `jdpipe bench`: measures the pipeline behind `submitter` and prints the report. */
export async function runBenchCommand(
  submitter: PostingSubmitter,
  options: BenchCommandOptions,
  print: (text: string) => void,
): Promise<number> {
  const corpus = loadBenchCorpus(options.corpus, join(process.cwd(), 'eval', 'cases'));
  const report = await benchmark(submitter, corpus, options.limit);
  print(options.json ? JSON.stringify(report, null, 2) + '\n' : renderBenchReport(report));
  return 0;
}

/**
 * Throughput and per-stage latency of the embedded pipeline over a fixed corpus, after a warm-up.
 * The first `limit` postings of the corpus, in corpus order, so runs are comparable run after run.
 */
export async function benchmark(submitter: PostingSubmitter, corpus: BenchCorpus, limit: number): Promise<BenchReport> {
  const postings = corpus.postings.slice(0, limit);
  // Warm up on postings outside the measured ones when the corpus has them: a measured posting seen in the
  // warm-up would be answered from the model's response cache and understate calls, tokens and cost.
  const spare = corpus.postings.slice(limit, limit + WARM_UP);
  const warmUp = spare.length > 0 ? spare : corpus.postings.slice(0, WARM_UP);
  for (const posting of warmUp) await submitter.submit({ ...posting, postingId: `warm-${posting.postingId}` });
  const runs: Array<{ run: RunDocument; ms: number }> = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < postings.length) {
      const posting = postings[next++]!;
      const t0 = performance.now();
      const run = await submitter.submit(posting);
      runs.push({ run, ms: performance.now() - t0 });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const wallMs = performance.now() - started;
  const stageNames = [...new Set(runs.flatMap(({ run }) => Object.keys(run.timings)))];
  const stages = Object.fromEntries(
    stageNames.map((stage) => {
      const values = runs.map(({ run }) => run.timings[stage]).filter((v): v is number => typeof v === 'number');
      return [stage, { p50: percentile(values, 50), p99: percentile(values, 99), mean: values.reduce((a, b) => a + b, 0) / values.length }];
    }),
  );
  const statuses: Record<string, number> = {};
  for (const { run } of runs) statuses[run.status] = (statuses[run.status] ?? 0) + 1;
  const latencies = runs.map((r) => r.ms);
  return {
    corpus: corpus.name,
    postings: runs.length,
    wallMs,
    postingsPerSecond: runs.length / (wallMs / 1000),
    statuses,
    stages,
    endToEnd: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
    mode: runs[0]?.run.mode ?? 'offline',
    llm: llmUsageOf(runs.map(({ run }) => run)),
    machine: `${cpus().length} cores, node ${process.version}`,
  };
}

export function renderBenchReport(report: BenchReport): string {
  const lines = [
    `corpus     ${report.corpus}`,
    `postings   ${report.postings} (${Object.entries(report.statuses)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ')}) with ${IN_FLIGHT} in flight, after ${WARM_UP} warm-up`,
    `throughput ${report.postingsPerSecond.toFixed(1)} postings/s  (wall ${formatMs(report.wallMs)}, ${report.machine})`,
    `end-to-end p50 ${formatMs(report.endToEnd.p50)}  p99 ${formatMs(report.endToEnd.p99)}  (includes queueing behind other postings)`,
    `model      ${report.mode}: ${formatLlmUsage(report.llm)}` +
      `${report.llm.failedCalls ? `; ${report.llm.failedCalls} failed calls` : ''}` +
      `${report.llm.unpricedCalls ? `; ${report.llm.unpricedCalls} calls of a model missing from the price table` : ''}`,
    '',
    `${'stage'.padEnd(14)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'mean'.padStart(10)}`,
    ...Object.entries(report.stages).map(
      ([stage, s]) => `${stage.padEnd(14)}${formatMs(s.p50).padStart(10)}${formatMs(s.p99).padStart(10)}${formatMs(s.mean).padStart(10)}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
