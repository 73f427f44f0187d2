import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { TOPICS } from '@jdpipe/contracts';
import { publishEvent } from '@jdpipe/messaging';
import { CatalogStore, ReviewQueueStore } from '@jdpipe/persistence';
import { announceCatalogChange, newJobPostedEvent } from '@jdpipe/pipeline-stages';
import { ReviewService } from '@jdpipe/review';
import { DEFAULT_STACK_DATABASE_URL, repositoryRoot, type RunningStack, startStack, waitFor } from '@jdpipe/testing';

const STAGE_SERVICES = ['parser', 'role-matcher', 'skill-resolver', 'persister'] as const;
const RUN_TIMEOUT_MS = 120_000;

const DESCRIPTION = `Data Engineer

Responsibilities
- Build batch pipelines in Python and model warehouse tables in PostgreSQL.

Requirements
- 3+ years of Python and SQL
- Hands-on experience with Zorbflow and Kubernetes
`;

// A reviewer's decision reaches services that are already running: announced on catalog.changed.v1, each
// service reloads its matchers, and the next posting matches the new alias. No service restarts.
describe('catalog changes over Kafka', () => {
  let stack: RunningStack;
  let firstRun: { runId: string; catalogVersion: number } | undefined;

  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
  });

  /** The catalog versions a service logged as reloaded on an announcement (the periodic check logs nothing). */
  function announcedReloads(service: string): number[] {
    const file = join(stack.artifactsDir, `${service}.log`);
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"catalog reloaded"'))
      .map((line) => (JSON.parse(line) as { catalogVersion: number }).catalogVersion);
  }

  async function runPosting(postingId: string) {
    const event = newJobPostedEvent({ postingId, title: 'Data Engineer', description: DESCRIPTION }, 'e2e', { mode: 'offline' });
    await publishEvent(stack.bus, TOPICS.jobPosted, event);
    await stack.waitForRuns([event.runId], { timeoutMs: RUN_TIMEOUT_MS });
    const run = await stack.runs.getRun(event.runId);
    assert.ok(run, `run ${event.runId} stored`);
    return run;
  }

  it('an approved alias reaches every running service, and the next posting matches it', () =>
    stack.reportingFailures(async () => {
      const first = await runPosting('catalog-change-e2e-1');
      firstRun = first;
      assert.equal(first.status, 'completed');
      assert.equal(first.skills.find((skill) => skill.slug === 'zorbflow')?.status, 'proposed');
      assert.ok(!first.skills.some((skill) => skill.slug === 'apache-airflow'));

      const review = new ReviewService(new ReviewQueueStore(stack.dataSource), new CatalogStore(stack.dataSource), (version) =>
        announceCatalogChange(stack.bus, { catalogVersion: version, reason: `e2e: Zorbflow is Apache Airflow (v${version})` }, 'e2e'),
      );
      const item = (await review.list({ kind: 'skill', status: 'pending', limit: 100 })).find((pending) => pending.value === 'Zorbflow');
      assert.ok(item, 'the first run queued Zorbflow for review');
      const outcome = await review.merge(item.id, 'apache-airflow', 'asha');
      const version = outcome.catalogVersion;
      assert.ok(version !== null && version > first.catalogVersion);

      await waitFor(() => STAGE_SERVICES.every((service) => announcedReloads(service).includes(version)), {
        timeoutMs: 30_000,
        description: `every stage service reloading catalog version ${version}`,
      });

      const second = await runPosting('catalog-change-e2e-2');
      assert.equal(second.catalogVersion, version, 'the run records the catalog it used');
      const airflow = second.skills.find((skill) => skill.slug === 'apache-airflow');
      assert.equal(airflow?.status, 'in_catalog');
      assert.ok(airflow?.evidence.some((evidence) => evidence.text === 'Zorbflow'));
      for (const service of STAGE_SERVICES) assert.deepEqual(announcedReloads(service), [version], `${service} reloaded once`);
    }));

  it('`jdpipe rerun --since` re-processes the older run through the running services', () =>
    stack.reportingFailures(async () => {
      assert.ok(firstRun, 'the first test ran');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['apps/jdpipe/bin/jdpipe.js', 'rerun', '--since', String(firstRun.catalogVersion)],
        {
          cwd: repositoryRoot(),
          env: {
            ...process.env,
            DATABASE_URL: process.env.E2E_DATABASE_URL ?? DEFAULT_STACK_DATABASE_URL,
            DATABASE_SCHEMA: stack.naming.schema,
            KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
            KAFKA_TOPIC_PREFIX: stack.naming.topicPrefix,
          },
        },
      );
      const row = stdout.split('\n').find((line) => line.startsWith(firstRun!.runId.slice(0, 8)));
      assert.ok(row, stdout);
      assert.match(row, /\+apache-airflow/);
      assert.match(stdout, /rerun 1 run: role changed in 0, skills changed in 1/);
      const reruns = (await stack.dataSource.query(`SELECT run_id FROM runs WHERE document->>'rerunOf' = $1`, [
        firstRun.runId,
      ])) as unknown[];
      assert.equal(reruns.length, 1, 'the rerun is a new run that names the run it re-did');
    }));
});
