import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import type { DataSource } from 'typeorm';

import { TOPICS } from '@jdpipe/contracts';
import { KafkaEventBus, loadKafkaConfig, type PartitionLag } from '@jdpipe/kafka';
import { ApiKeyStore, createDataSource, RunStore } from '@jdpipe/persistence';
import type { SpanFileRecord } from '@jdpipe/telemetry';

import { waitFor } from '../kafka/wait-for';
import { postPostings, type AcceptedRun, type PostOptions } from './gateway-client';
import type { GatewayPosting } from './posting-corpus';
import { freePort, ServiceProcess, STACK_SERVICES, type StackService } from './service-process';
import { assertTestDatabase, countRunTables, DEFAULT_STACK_DATABASE_URL, dropSchema, type RunTableCounts } from './stack-database';
import { StackTopics } from './stack-topics';

const run = promisify(execFile);

/** The topic each stage service consumes; its consumer group is the service's name. */
export const STAGE_INPUT_TOPICS = {
  parser: TOPICS.jobPosted,
  'role-matcher': TOPICS.jobParsed,
  'skill-resolver': TOPICS.roleDecided,
  persister: TOPICS.skillsResolved,
} as const satisfies Partial<Record<StackService, string>>;
export type StageService = keyof typeof STAGE_INPUT_TOPICS;

export interface StackOptions {
  /** Default: E2E_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test. Its name must contain "test". */
  databaseUrl?: string;
  /** Default: KAFKA_BROKERS, else 127.0.0.1:9092. */
  brokers?: string[];
  /** Each service appends its finished spans to `<service>.spans.jsonl` in the artifacts folder. */
  recordSpans?: boolean;
  /** Extra environment for every service, e.g. shorter Kafka session timeouts for crash tests. */
  serviceEnv?: Record<string, string>;
  readyTimeoutMs?: number;
}

/**
 * The service deployment as a black box, built fresh for one test file: the broker (started if needed), topics
 * under a random prefix, a fresh PostgreSQL schema with the migrations and the seed catalog, and the five
 * services as child processes on free ports. `stop()` undoes all of it except the artifacts folder
 * (`test-artifacts/e2e/<prefix>/`: service logs, span files, set-up output), which stays for inspection.
 */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const repoRoot = repositoryRoot();
  const databaseUrl = options.databaseUrl ?? process.env.E2E_DATABASE_URL ?? DEFAULT_STACK_DATABASE_URL;
  assertTestDatabase(databaseUrl);
  if (!existsSync(join(repoRoot, 'dist', 'apps', 'gateway', 'src', 'main.js'))) {
    throw new Error('the services are not compiled: run `npm run build` first');
  }
  const brokers = options.brokers ?? (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const id = randomBytes(4).toString('hex');
  const naming = { name: `e2e${id}`, topicPrefix: `e2e${id}.`, schema: `e2e_${id}` };
  const artifactsDir = join(repoRoot, 'test-artifacts', 'e2e', naming.name);
  mkdirSync(artifactsDir, { recursive: true });

  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_BROKERS: brokers.join(','),
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: naming.schema,
  };
  // Set by node's test runner for its own children; the services are not test processes.
  delete baseEnv.NODE_TEST_CONTEXT;
  const step = (what: string, file: string, args: string[]) => runStep(repoRoot, artifactsDir, what, file, args, baseEnv);

  await Promise.all([
    (async () => {
      await step('broker', 'bash', ['deploy/kafka/start.sh']);
      await step('topics', process.execPath, ['deploy/kafka/topics.mjs', '--prefix', naming.name]);
    })(),
    step('migrate', process.execPath, ['apps/jdpipe/bin/jdpipe.js', 'db', 'migrate']),
  ]);

  const services = new Map<StackService, ServiceProcess>();
  for (const name of STACK_SERVICES) {
    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      KAFKA_TOPIC_PREFIX: naming.topicPrefix,
      ...(options.recordSpans ? { JDPIPE_SPAN_FILE: join(artifactsDir, `${name}.spans.jsonl`) } : {}),
      ...options.serviceEnv,
    };
    services.set(
      name,
      new ServiceProcess({
        name,
        repoRoot,
        port: await freePort(),
        env,
        logFile: join(artifactsDir, `${name}.log`),
        readyTimeoutMs: options.readyTimeoutMs ?? 90_000,
      }),
    );
  }
  const stack = new RunningStack(naming, artifactsDir, brokers, services, options.recordSpans ?? false);
  try {
    for (const service of services.values()) service.start();
    await Promise.all([...services.values()].map((service) => service.waitUntilReady()));
    await stack.connect(databaseUrl);
  } catch (error) {
    await stack.stop().catch(() => undefined);
    throw error;
  }
  return stack;
}

/** Handles on a started stack. */
export class RunningStack {
  dataSource!: DataSource;
  runs!: RunStore;
  /** An ingest key created in the stack's database: the gateway refuses postings without one. */
  ingestKey!: string;
  /** A Kafka bus on the stack's prefix: publish straight to a topic, read consumer lag. */
  bus!: KafkaEventBus;
  /** Read the stack's topics from the beginning. */
  readonly topics: StackTopics;
  private stopped = false;
  private readonly killOnExit = () => {
    for (const service of this.services.values()) {
      try {
        if (service.pid) process.kill(service.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };

  constructor(
    readonly naming: { name: string; topicPrefix: string; schema: string },
    readonly artifactsDir: string,
    private readonly brokers: string[],
    private readonly services: Map<StackService, ServiceProcess>,
    private readonly recordSpans: boolean,
  ) {
    this.topics = new StackTopics(naming.topicPrefix, brokers);
    // If the test process dies without stop(), its services must not outlive it.
    process.once('exit', this.killOnExit);
  }

  get gatewayUrl(): string {
    return this.service('gateway').url;
  }

  service(name: StackService): ServiceProcess {
    const service = this.services.get(name);
    if (!service) throw new Error(`no service ${name}`);
    return service;
  }

  async connect(databaseUrl: string): Promise<void> {
    this.dataSource = await createDataSource({ kind: 'postgres', url: databaseUrl, schema: this.naming.schema });
    this.runs = new RunStore(this.dataSource);
    this.ingestKey = (await new ApiKeyStore(this.dataSource).create('e2e ingest', 'ingest')).key;
    this.bus = new KafkaEventBus(
      loadKafkaConfig({ KAFKA_BROKERS: this.brokers.join(','), KAFKA_TOPIC_PREFIX: this.naming.topicPrefix, KAFKA_CLIENT_ID: 'e2e-test' }),
      { logSink: () => undefined },
    );
    await this.bus.connect();
    await this.topics.connect();
  }

  /** Signals one service and waits until it is gone (SIGKILL by default: no shutdown hooks run). */
  async kill(name: StackService, signal: NodeJS.Signals = 'SIGKILL'): Promise<string> {
    return this.service(name).kill(signal);
  }

  /** Starts a stopped service again on its port and waits until it is ready. */
  async restart(name: StackService): Promise<void> {
    const service = this.service(name);
    if (service.running) await service.kill('SIGTERM');
    service.start();
    await service.waitUntilReady();
  }

  postPostings(postings: GatewayPosting[], options?: PostOptions): Promise<AcceptedRun[]> {
    return postPostings(this.gatewayUrl, postings, { apiKey: this.ingestKey, ...options });
  }

  /**
   * Resolves when every one of the runs is in the runs table; times out naming how many are. A message
   * dead-lettered meanwhile means a run will never come, so that fails at once (unless a test expects it).
   */
  async waitForRuns(runIds: string[], options: { timeoutMs?: number; failOnDeadLetters?: boolean } = {}): Promise<void> {
    const { timeoutMs = 180_000, failOnDeadLetters = true } = options;
    const deadLettersBefore = await this.deadLetterTotal();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const stored = await this.countRuns(runIds);
      if (stored >= runIds.length) return;
      const deadLetters = failOnDeadLetters ? (await this.deadLetterTotal()) - deadLettersBefore : 0;
      if (deadLetters > 0) {
        throw new Error(
          `${deadLetters} message(s) were dead-lettered while waiting for ${runIds.length} runs (${stored} stored); see the service logs`,
        );
      }
      if (Date.now() > deadline)
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${runIds.length} runs in PostgreSQL (${stored} stored)`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Records ever written to the four `<stage input>.dlq` topics. */
  async deadLetterTotal(): Promise<number> {
    const totals = await Promise.all(Object.values(STAGE_INPUT_TOPICS).map((topic) => this.topics.endOffsetTotal(`${topic}.dlq`)));
    return totals.reduce((sum, total) => sum + total, 0);
  }

  async countRuns(runIds: string[]): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS stored FROM runs WHERE run_id = ANY($1::uuid[])', [
      runIds,
    ])) as Array<{
      stored: number;
    }>;
    return row?.stored ?? 0;
  }

  countRunTables(): Promise<RunTableCounts> {
    return countRunTables(this.dataSource);
  }

  /** Lag of each stage's consumer group on its input topic (and `.retry`). */
  async stageLag(): Promise<Record<StageService, number>> {
    const entries = await Promise.all(
      (Object.entries(STAGE_INPUT_TOPICS) as Array<[StageService, string]>).map(async ([group, topic]) => {
        const partitions: PartitionLag[] = await this.bus.consumerLag(group, [topic, `${topic}.retry`]);
        return [group, partitions.reduce((sum, partition) => sum + partition.lag, 0)] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<StageService, number>;
  }

  /** Resolves when every stage group has committed everything on its input topics. */
  async waitUntilDrained(timeoutMs = 120_000): Promise<void> {
    await waitFor(
      async () => {
        const lag = await this.stageLag();
        return Object.values(lag).every((value) => value === 0);
      },
      { timeoutMs, intervalMs: 250, description: 'every stage group to catch up' },
    );
  }

  /** Every span the services wrote so far (`recordSpans`), across restarts. */
  spans(): SpanFileRecord[] {
    if (!this.recordSpans) throw new Error('start the stack with recordSpans: true to read spans');
    return STACK_SERVICES.flatMap((name) => {
      const file = join(this.artifactsDir, `${name}.spans.jsonl`);
      if (!existsSync(file)) return [];
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim().length > 0)
        .map((line) => JSON.parse(line) as SpanFileRecord);
    });
  }

  /** The last lines of every service's log, for a failure report. */
  logTails(lines = 40): string {
    return [...this.services.values()].map((service) => `--- ${service.name} (${service.logFile})\n${service.logTail(lines)}`).join('\n');
  }

  /** Runs a test body; if it fails, the services' log tails are printed before the error is rethrown. */
  async reportingFailures<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      process.stderr.write(`\nservice logs of stack ${this.naming.name}:\n${this.logTails()}\n`);
      throw error;
    }
  }

  /** SIGTERM to every service, then the topics, consumer groups and schema are deleted. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const exits = await Promise.all(
      [...this.services.values()].map(async (service) => `${service.name}: ${await service.kill('SIGTERM')}`),
    );
    process.removeListener('exit', this.killOnExit);
    writeFileSync(join(this.artifactsDir, 'stop.log'), exits.join('\n') + '\n');
    await this.bus?.close().catch(() => undefined);
    await this.topics.deleteGroups(Object.keys(STAGE_INPUT_TOPICS)).catch(() => undefined);
    await this.topics.close().catch(() => undefined);
    const env = { ...process.env, KAFKA_BROKERS: this.brokers.join(',') };
    await runStep(
      repositoryRoot(),
      this.artifactsDir,
      'delete-topics',
      process.execPath,
      ['deploy/kafka/topics.mjs', '--prefix', this.naming.name, '--delete'],
      env,
    ).catch(() => undefined);
    if (this.dataSource?.isInitialized) {
      await dropSchema(this.dataSource, this.naming.schema);
      await this.dataSource.destroy();
    }
  }
}

/** Runs one set-up command from the repository root; its output goes to `<what>.log`, and into the error. */
async function runStep(
  repoRoot: string,
  artifactsDir: string,
  what: string,
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const logFile = join(artifactsDir, `${what}.log`);
  try {
    const { stdout, stderr } = await run(file, args, { cwd: repoRoot, env, maxBuffer: 16 * 1024 * 1024, timeout: 180_000 });
    writeFileSync(logFile, stdout + stderr);
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    writeFileSync(logFile, `${failure.stdout ?? ''}${failure.stderr ?? ''}`);
    throw new Error(
      `stack set-up step "${what}" failed (${file} ${args.join(' ')}): ${failure.message}\n${failure.stdout ?? ''}${failure.stderr ?? ''}`,
      {
        cause: error,
      },
    );
  }
}

/** The repository root, found from this file whether it runs as source or compiled under dist/. */
export function repositoryRoot(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'scripts', 'start-service.js')) && existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`no repository root above ${__dirname}`);
}
