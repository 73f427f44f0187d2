import { DataSource } from 'typeorm';

import type { EmbeddedConfig } from '@jdpipe/config';
import { PipelineError, TOPICS, type ExtractionMode, type RunDocument } from '@jdpipe/contracts';
import { KafkaEventBus, loadKafkaConfig } from '@jdpipe/kafka';
import type { LlmConfig } from '@jdpipe/llm';
import { publishEvent, type EventBus } from '@jdpipe/messaging';
import { createDataSource, RunStore } from '@jdpipe/persistence';
import { newJobPostedEvent, type PostingSubmission } from '@jdpipe/pipeline-stages';

import { startEmbeddedApp } from '../embedded/embedded-app';
import { PostingSubmitter } from '../ingest/posting-submitter';
import { CLI_PRODUCER } from '../review/deployment-review';
import { selectAffectedRuns } from './affected-runs';
import { compareRuns, renderComparisons, renderSelection } from './rerun-report';
import { RerunStore } from './rerun.store';

export interface RerunOptions {
  since: number;
  /** Every run older than the latest change, not only those mentioning what changed. */
  all: boolean;
  dryRun: boolean;
  /** At most this many runs, oldest first; null = no limit. */
  limit: number | null;
}

/** Re-processes postings and hands back their new runs, in order; null for a run that did not finish in time. */
export interface Rerunner {
  rerun(runs: readonly RunDocument[]): Promise<Array<RunDocument | null>>;
}

export function parseRerunOptions(values: { since?: string; all?: boolean; 'dry-run'?: boolean; limit?: string }): RerunOptions {
  const whole = (value: string | undefined, name: string, min: number): number | null => {
    if (value === undefined) return null;
    if (!/^\d+$/.test(value) || Number(value) < min) throw new PipelineError('INPUT.INVALID', `${name} must be a whole number ≥ ${min}`);
    return Number(value);
  };
  const since = whole(values.since, '--since VERSION', 0);
  if (since === null) throw new PipelineError('INPUT.INVALID', 'missing argument: jdpipe rerun --since VERSION');
  return { since, all: values.all ?? false, dryRun: values['dry-run'] ?? false, limit: whole(values.limit, '--limit', 1) };
}

/** The posting of an earlier run, submitted again as a new run of the same posting that names the run it re-does. */
export function resubmissionOf(run: RunDocument): PostingSubmission {
  return {
    postingId: run.postingId,
    title: run.posting.title,
    description: run.posting.description,
    location: run.posting.location,
    company: run.posting.company,
    source: run.posting.source,
    rerunOf: run.runId,
  };
}

/**
 * `jdpipe rerun`: finds the runs a catalog change after `since` may affect and re-processes them as new runs,
 * printing before → after. Returns the exit code.
 */
export async function rerun(
  store: RerunStore,
  rerunner: Rerunner | null,
  options: RerunOptions,
  out: (text: string) => void,
): Promise<number> {
  const current = await store.currentVersion();
  if (current === null || options.since >= current) {
    out(`the catalog is at version ${current ?? 'none'}: nothing changed after version ${options.since}\n`);
    return 0;
  }
  const [runs, changes] = await Promise.all([store.runsToReconsider(options.since, current), store.changesSince(options.since)]);
  const selection = selectAffectedRuns(runs, changes, { all: options.all });
  const chosen = options.limit === null ? selection.affected : selection.affected.slice(0, options.limit);
  const limited =
    chosen.length < selection.affected.length
      ? `--limit ${options.limit}: the oldest ${chosen.length} of ${selection.affected.length}\n`
      : '';
  if (options.dryRun || !rerunner) {
    out(renderSelection({ ...selection, affected: chosen }, options.since, current) + limited + 'dry run: nothing was re-processed\n');
    return 0;
  }
  const before = chosen.map((affected) => affected.run);
  const after = await rerunner.rerun(before);
  out(
    renderComparisons(
      before.map((run, index) => compareRuns(run, after[index] ?? null)),
      selection,
      options.since,
      current,
    ) + limited,
  );
  return after.some((run) => run === null) ? 1 : 0;
}

/** Reruns in the embedded pipeline, one posting after the other. */
export function embeddedRerunner(submitter: PostingSubmitter): Rerunner {
  return {
    async rerun(runs) {
      const results: RunDocument[] = [];
      for (const run of runs) results.push(await submitter.submit(resubmissionOf(run)));
      return results;
    },
  };
}

const POLL_INTERVAL_MS = 500;

/**
 * Reruns in the Kafka deployment: publishes `jobs.posted.v1` for each posting, then waits for the runs to be
 * stored, giving up `quietTimeoutMs` after the last one arrived.
 */
export function kafkaRerunner(bus: EventBus, runs: RunStore, mode: ExtractionMode, quietTimeoutMs: number): Rerunner {
  return {
    async rerun(list) {
      const events = list.map((run) => newJobPostedEvent(resubmissionOf(run), CLI_PRODUCER, { mode }));
      for (const event of events) await publishEvent(bus, TOPICS.jobPosted, event);
      const found = new Map<string, RunDocument>();
      let deadline = Date.now() + quietTimeoutMs;
      while (found.size < events.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
        for (const event of events) {
          if (found.has(event.runId)) continue;
          const run = await runs.getRun(event.runId);
          if (run) {
            found.set(event.runId, run);
            deadline = Date.now() + quietTimeoutMs;
          }
        }
      }
      return events.map((event) => found.get(event.runId) ?? null);
    },
  };
}

/**
 * The command line's entry: the embedded database and pipeline by default; with DATABASE_URL the Kafka
 * deployment's PostgreSQL, its postings published on KAFKA_BROKERS for the running services.
 */
export async function rerunCommand(
  options: RerunOptions,
  env: NodeJS.ProcessEnv,
  config: EmbeddedConfig,
  llm: LlmConfig,
  out: (text: string) => void,
): Promise<number> {
  if (!env.DATABASE_URL) {
    const app = await startEmbeddedApp(config, llm);
    try {
      return await rerun(new RerunStore(app.get(DataSource)), embeddedRerunner(app.get(PostingSubmitter)), options, out);
    } finally {
      await app.close();
    }
  }
  if (!options.dryRun && !env.KAFKA_BROKERS) {
    throw new PipelineError('INPUT.INVALID', 'rerun against DATABASE_URL publishes to the services: set KAFKA_BROKERS (or use --dry-run)');
  }
  const dataSource = await createDataSource({ kind: 'postgres', url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA || undefined });
  const bus = options.dryRun ? null : new KafkaEventBus(loadKafkaConfig({ KAFKA_CLIENT_ID: CLI_PRODUCER, ...env }));
  try {
    const rerunner = bus ? kafkaRerunner(bus, new RunStore(dataSource), llm.mode, config.runTimeoutMs) : null;
    return await rerun(new RerunStore(dataSource), rerunner, options, out);
  } finally {
    await bus?.close();
    await dataSource.destroy();
  }
}
