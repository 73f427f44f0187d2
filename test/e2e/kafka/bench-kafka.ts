// `npm run bench:kafka [-- --n 1000 --warmup 50 --concurrency 1]`: end-to-end throughput and latency of the service deployment.
// Starts a fresh stack (new topics, new schema), warms it up, pushes N real postings in a fixed order through
// the gateway and measures postings/second, posted→completed latency (runs table), per-stage durations (run
// documents), each service's time per message (its process span: handler plus publish) and each stage group's
// consumer lag while the load runs. Comparable run after run.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import type { SpanFileRecord } from '@jdpipe/telemetry';

import { repositoryRoot, type RunningStack, selectPostings, type StageService, STAGE_INPUT_TOPICS, startStack } from '@jdpipe/testing';

interface LagSample {
  atMs: number;
  lag: Record<StageService, number>;
}

interface RunTiming {
  latencyMs: number;
  createdAt: number;
  completedAt: number;
  timings: Record<string, number>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { n: { type: 'string', default: '1000' }, warmup: { type: 'string', default: '50' }, concurrency: { type: 'string' } },
  });
  const count = positiveInteger(values.n, '--n');
  const warmupCount = positiveInteger(values.warmup, '--warmup');
  // KAFKA_PARTITIONS_CONCURRENCY of every stage service; unset keeps the services' default (1).
  const concurrency = values.concurrency === undefined ? undefined : positiveInteger(values.concurrency, '--concurrency');

  const stack = await startStack({
    recordSpans: true,
    ...(concurrency ? { serviceEnv: { KAFKA_PARTITIONS_CONCURRENCY: String(concurrency) } } : {}),
  });
  // Ctrl-C still tears the stack down (services, topics, schema).
  process.once('SIGINT', () => void stack.stop().finally(() => process.exit(130)));
  try {
    const corpus = selectPostings(repositoryRoot(), { count: warmupCount + count, idPrefix: 'bench' });
    const warmup = corpus.postings.slice(0, warmupCount);
    const measured = corpus.postings.slice(warmupCount);
    log(`stack ${stack.naming.name} ready; corpus: ${corpus.origin}`);

    const warmupRuns = await stack.postPostings(warmup);
    await stack.waitForRuns(
      warmupRuns.map((run) => run.runId),
      { timeoutMs: 300_000 },
    );
    await stack.waitUntilDrained();
    log(`warm-up: ${warmupCount} postings done`);

    const sampler = startLagSampler(stack);
    const deadLettersBefore = await stack.deadLetterTotal();
    const startedAt = Date.now();
    const accepted = await stack.postPostings(measured);
    const postedAt = Date.now();
    const deadLettered = await waitUntilSettled(
      stack,
      accepted.map((run) => run.runId),
      deadLettersBefore,
    );
    const finishedAt = Date.now();
    const samples = await sampler.stop();

    const runs = await runTimings(
      stack,
      accepted.map((run) => run.runId),
    );
    const spans = stack.spans().filter((span) => span.startTimeMs >= startedAt);
    const report = summarise({ count, startedAt, postedAt, finishedAt, runs, samples, spans, deadLettered });
    process.stdout.write(renderReport(report, `${corpus.origin}; partitions consumed concurrently: ${concurrency ?? 'service default'}`));
    const file = join(
      repositoryRoot(),
      'test-artifacts',
      'e2e',
      `bench-kafka-${new Date(startedAt).toISOString().replace(/[:.]/g, '-')}.json`,
    );
    writeFileSync(file, JSON.stringify({ ...report, corpus: corpus.origin, samples }, null, 2));
    log(`details: ${file}`);
  } catch (error) {
    process.stderr.write(`${stack.logTails(30)}\n`);
    throw error;
  } finally {
    await stack.stop();
  }
}

/** Every posting either became a run or was dead-lettered (a lost run, reported): returns the dead letters. */
async function waitUntilSettled(stack: RunningStack, runIds: string[], deadLettersBefore: number): Promise<number> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const [stored, deadLetters] = await Promise.all([stack.countRuns(runIds), stack.deadLetterTotal()]);
    if (stored + deadLetters - deadLettersBefore >= runIds.length) return deadLetters - deadLettersBefore;
    if (Date.now() > deadline) throw new Error(`only ${stored} of ${runIds.length} runs after 30 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function startLagSampler(stack: RunningStack): { stop(): Promise<LagSample[]> } {
  const samples: LagSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const atMs = Date.now();
      samples.push({ atMs, lag: await stack.stageLag() });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 500 - (Date.now() - atMs))));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

async function runTimings(stack: RunningStack, runIds: string[]): Promise<RunTiming[]> {
  const rows = (await stack.dataSource.query(
    `SELECT extract(epoch FROM created_at) * 1000 AS created_ms, extract(epoch FROM completed_at) * 1000 AS completed_ms,
            document->'timings' AS timings
     FROM runs WHERE run_id = ANY($1::uuid[])`,
    [runIds],
  )) as Array<{ created_ms: string; completed_ms: string; timings: Record<string, number> }>;
  return rows.map((row) => ({
    createdAt: Number(row.created_ms),
    completedAt: Number(row.completed_ms),
    latencyMs: Number(row.completed_ms) - Number(row.created_ms),
    timings: row.timings ?? {},
  }));
}

interface Distribution {
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

interface BenchReport {
  postings: number;
  /** Postings that ended on a dead-letter topic instead of as a run. */
  deadLettered: number;
  wallSeconds: number;
  postingSeconds: number;
  postingsPerSecond: number;
  /** Over the runs table alone: first posted → last completed. */
  postingsPerSecondFromRuns: number;
  latencyMs: Distribution;
  stageMs: Record<string, Distribution>;
  /** Posted → completed minus the stages' own work: time in topics, queues and publishes. */
  outsideStagesMs: Distribution;
  /** Per stage service: its process span per message (handler + publish) and the persister's transaction. */
  spanMs: Record<string, Distribution>;
  lag: Record<StageService, { max: number; mean: number }>;
  /** The stage with the largest mean lag: where the backlog waits. */
  bottleneck: StageService;
  /** The stage service that spends the most time per message. */
  slowestPerMessage: StageService;
  machine: string;
}

function summarise(input: {
  count: number;
  startedAt: number;
  postedAt: number;
  finishedAt: number;
  runs: RunTiming[];
  samples: LagSample[];
  spans: SpanFileRecord[];
  deadLettered: number;
}): BenchReport {
  const { runs, samples, spans } = input;
  const stageNames = [...new Set(runs.flatMap((run) => Object.keys(run.timings)))].sort(byStageOrder);
  const stageMs = Object.fromEntries(
    stageNames.map((stage) => [
      stage,
      distribution(runs.map((run) => run.timings[stage]).filter((value): value is number => Number.isFinite(value))),
    ]),
  );
  const groups = Object.keys(STAGE_INPUT_TOPICS) as StageService[];
  const spanMs: Record<string, Distribution> = {};
  for (const group of groups) {
    spanMs[`${group} per message`] = distribution(
      spans.filter((span) => span.serviceName === group && span.kind === 'CONSUMER').map((span) => span.durationMs),
    );
  }
  spanMs['persister transaction'] = distribution(
    spans.filter((span) => span.serviceName === 'persister' && span.attributes['db.system'] !== undefined).map((span) => span.durationMs),
  );
  spanMs['gateway publish'] = distribution(
    spans.filter((span) => span.serviceName === 'gateway' && span.kind === 'PRODUCER').map((span) => span.durationMs),
  );
  const lag = Object.fromEntries(
    groups.map((group) => {
      const values = samples.map((sample) => sample.lag[group]);
      return [group, { max: Math.max(0, ...values), mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0 }];
    }),
  ) as BenchReport['lag'];
  const firstPosted = Math.min(...runs.map((run) => run.createdAt));
  const lastCompleted = Math.max(...runs.map((run) => run.completedAt));
  const wallSeconds = (input.finishedAt - input.startedAt) / 1000;
  return {
    postings: input.count,
    deadLettered: input.deadLettered,
    wallSeconds,
    postingSeconds: (input.postedAt - input.startedAt) / 1000,
    postingsPerSecond: input.count / wallSeconds,
    postingsPerSecondFromRuns: input.count / ((lastCompleted - firstPosted) / 1000),
    latencyMs: distribution(runs.map((run) => run.latencyMs)),
    stageMs,
    outsideStagesMs: distribution(
      runs.map((run) => run.latencyMs - Object.values(run.timings).reduce((sum, value) => sum + (Number.isFinite(value) ? value : 0), 0)),
    ),
    spanMs,
    lag,
    bottleneck: groups.reduce((worst, group) => (lag[group].mean > lag[worst].mean ? group : worst), groups[0]!),
    slowestPerMessage: groups.reduce(
      (worst, group) => (spanMs[`${group} per message`]!.mean > spanMs[`${worst} per message`]!.mean ? group : worst),
      groups[0]!,
    ),
    machine: `${cpus().length} cores, node ${process.version}`,
  };
}

const STAGE_ORDER = ['parse', 'matchRole', 'resolveSkills', 'persist'];
function byStageOrder(a: string, b: string): number {
  const rank = (stage: string) => (STAGE_ORDER.includes(stage) ? STAGE_ORDER.indexOf(stage) : STAGE_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { p50: NaN, p99: NaN, mean: NaN, max: NaN };
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, max: sorted[sorted.length - 1]! };
}

function renderReport(report: BenchReport, corpus: string): string {
  const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
  const row = (cells: string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(28) : cell.padStart(11))).join('') + '\n';
  let out = '\n';
  out += `corpus      ${corpus}\n`;
  out += `postings    ${report.postings} through the gateway (posting took ${report.postingSeconds.toFixed(1)} s), ${report.machine}\n`;
  if (report.deadLettered > 0)
    out += `LOST        ${report.deadLettered} postings were dead-lettered instead of becoming runs (see the service logs)\n`;
  out += `throughput  ${report.postingsPerSecond.toFixed(1)} postings/s end to end (wall ${report.wallSeconds.toFixed(1)} s); ${report.postingsPerSecondFromRuns.toFixed(1)}/s first posted → last completed\n\n`;
  out += row(['', 'p50', 'p99', 'mean', 'max']);
  out += row(['posted → completed', ...[report.latencyMs.p50, report.latencyMs.p99, report.latencyMs.mean, report.latencyMs.max].map(ms)]);
  for (const [stage, stats] of Object.entries(report.stageMs))
    out += row([`  stage ${stage}`, ...[stats.p50, stats.p99, stats.mean, stats.max].map(ms)]);
  const outside = report.outsideStagesMs;
  out += row(['  outside the stages', ...[outside.p50, outside.p99, outside.mean, outside.max].map(ms)]);
  out += '\n' + row(['spans', 'p50', 'p99', 'mean', 'max']);
  for (const [name, stats] of Object.entries(report.spanMs))
    out += row([`  ${name}`, ...[stats.p50, stats.p99, stats.mean, stats.max].map(ms)]);
  out += '\n' + row(['consumer lag', 'max', 'mean']);
  for (const [group, stats] of Object.entries(report.lag)) out += row([`  ${group}`, String(stats.max), stats.mean.toFixed(1)]);
  out += `\nbacklog     largest in front of ${report.bottleneck} (mean lag)\n`;
  out += `slowest     ${report.slowestPerMessage} per message (process span; the offset commit after it comes on top)\n`;
  return out;
}

function positiveInteger(raw: string | undefined, name: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

function log(message: string): void {
  process.stderr.write(`bench:kafka ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:kafka failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
