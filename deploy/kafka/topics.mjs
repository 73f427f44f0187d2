#!/usr/bin/env node
// Topics as code: creates the pipeline topics, the .retry/.dlq siblings of the four stage input topics and
// the compacted catalog.changed.v1 broadcast. Existing topics are left alone; partition counts or retention/cleanup settings that
// differ from the plan are reported (and fail the run with --strict).
//
//   node deploy/kafka/topics.mjs [--brokers 127.0.0.1:9092] [--partitions 6] [--replication-factor 1]
//                                [--prefix ci-42] [--delete] [--dry-run] [--strict]
//
// --prefix makes a namespaced copy for tests ("ci-42" -> "ci-42.jobs.posted.v1"); --delete removes such a
// copy and is refused without --prefix so that it can never drop the real topics.
// kafkajs' own log is silenced (failures surface as errors); KAFKAJS_LOG_LEVEL=warn brings it back.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import kafkajs from 'kafkajs';

const { Kafka, logLevel, ConfigResourceTypes } = kafkajs;

const DAY_MS = 24 * 60 * 60 * 1000;
export const RETENTION_MS = { main: 7 * DAY_MS, retry: 1 * DAY_MS, dlq: 14 * DAY_MS };
export const CATALOG_CHANGED_TOPIC = 'catalog.changed.v1';
/**
 * catalog.changed.v1 is compacted, on one partition, under one key: it always keeps the latest announcement
 * and little else. Every service instance reads it from the beginning in a group of its own, so an
 * announcement made while an instance was starting (between its catalog load and its group join) is still
 * seen, and the replayed older ones cost a version comparison each. Short segments let compaction keep the
 * replay to a few records; delete-retention would instead drop the latest announcement after a while.
 */
export const CATALOG_CHANGED_CONFIGS = {
  'cleanup.policy': 'compact',
  'segment.ms': String(60 * 60 * 1000),
  'min.cleanable.dirty.ratio': '0.1',
};

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const compiledTopicsModule = join(repositoryRoot, 'dist/libs/contracts/src/topics/topics.js');

// The source of truth is libs/contracts/src/topics/topics.ts; this copy is used only when its compiled
// form (dist/, from `npm run build`) is absent. The last topic is the pipeline's output: no stage consumes it.
const PIPELINE_TOPICS_FALLBACK = {
  jobPosted: 'jobs.posted.v1',
  jobParsed: 'jobs.parsed.v1',
  roleDecided: 'roles.decided.v1',
  skillsResolved: 'skills.resolved.v1',
  runCompleted: 'runs.completed.v1',
};

/** The pipeline topics in stage order, and where they were read from. */
export function loadPipelineTopics() {
  if (existsSync(compiledTopicsModule)) {
    const { TOPICS } = createRequire(import.meta.url)(compiledTopicsModule);
    const names = Object.values(TOPICS ?? {});
    if (names.length > 0 && names.every((name) => typeof name === 'string' && name.length > 0)) {
      return { topics: TOPICS, source: compiledTopicsModule };
    }
  }
  return { topics: PIPELINE_TOPICS_FALLBACK, source: 'built-in list (dist/ not built)' };
}

/** "ci-42" -> "ci-42."; a prefix that already ends in a separator is kept as given. */
export function normalisePrefix(prefix) {
  if (!prefix) return '';
  return /[._-]$/.test(prefix) ? prefix : `${prefix}.`;
}

/**
 * Every topic to provision with its settings. Stage input topics are all pipeline topics but the
 * final `runCompleted`, which only the outside world reads.
 */
export function planTopics({ pipelineTopics, partitions, replicationFactor, prefix = '' }) {
  const namespace = normalisePrefix(prefix);
  const topic = (name, kind) => ({
    name: `${namespace}${name}`,
    kind,
    numPartitions: partitions,
    replicationFactor,
    configs: { 'retention.ms': String(RETENTION_MS[kind]), 'cleanup.policy': 'delete' },
  });
  const plan = [];
  for (const [key, name] of Object.entries(pipelineTopics)) {
    plan.push(topic(name, 'main'));
    if (key !== 'runCompleted') {
      plan.push(topic(`${name}.retry`, 'retry'), topic(`${name}.dlq`, 'dlq'));
    }
  }
  plan.push({
    name: `${namespace}${CATALOG_CHANGED_TOPIC}`,
    kind: 'broadcast',
    numPartitions: 1,
    replicationFactor,
    configs: { ...CATALOG_CHANGED_CONFIGS },
  });
  return plan;
}

/** Creates what is missing; for what exists, lists how it differs from the plan. */
export async function provisionTopics(admin, plan) {
  const existing = new Set(await admin.listTopics());
  const missing = plan.filter((topic) => !existing.has(topic.name));
  const present = plan.filter((topic) => existing.has(topic.name));

  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic: topic.name,
        numPartitions: topic.numPartitions,
        replicationFactor: topic.replicationFactor,
        configEntries: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
      })),
    });
  }

  const differencesByTopic = await describeDifferences(admin, present);
  return plan.map((topic) => {
    const found = differencesByTopic.get(topic.name);
    return found
      ? { ...topic, action: 'exists', partitions: found.partitions, differences: found.differences }
      : { ...topic, action: 'created', partitions: topic.numPartitions, differences: [] };
  });
}

async function describeDifferences(admin, topics) {
  const result = new Map();
  if (topics.length === 0) return result;
  const metadata = await admin.fetchTopicMetadata({ topics: topics.map((topic) => topic.name) });
  const configs = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((topic) => ({
      type: ConfigResourceTypes.TOPIC,
      name: topic.name,
      configNames: Object.keys(topic.configs),
    })),
  });
  for (const topic of topics) {
    const differences = [];
    const partitions = metadata.topics.find((entry) => entry.name === topic.name)?.partitions.length ?? 0;
    if (partitions !== topic.numPartitions) {
      differences.push(`partitions ${partitions} (plan ${topic.numPartitions})`);
    }
    const entries = configs.resources.find((resource) => resource.resourceName === topic.name)?.configEntries ?? [];
    for (const [name, wanted] of Object.entries(topic.configs)) {
      const actual = entries.find((entry) => entry.configName === name)?.configValue;
      if (actual !== wanted) differences.push(`${name}=${actual ?? '?'} (plan ${wanted})`);
    }
    result.set(topic.name, { partitions, differences });
  }
  return result;
}

/** Deletes the planned topics that exist; returns one row per planned topic. */
export async function deletePlannedTopics(admin, plan) {
  const existing = new Set(await admin.listTopics());
  const doomed = plan.filter((topic) => existing.has(topic.name)).map((topic) => topic.name);
  if (doomed.length > 0) await admin.deleteTopics({ topics: doomed, timeout: 30_000 });
  return plan.map((topic) => ({
    ...topic,
    action: doomed.includes(topic.name) ? 'deleted' : 'absent',
    partitions: undefined,
    differences: [],
  }));
}

function formatDuration(milliseconds) {
  const days = Number(milliseconds) / DAY_MS;
  return Number.isInteger(days) ? `${days}d` : `${milliseconds}ms`;
}

export function renderTable(rows) {
  const header = ['topic', 'kind', 'partitions', 'retention', 'action', 'notes'];
  const lines = rows.map((row) => [
    row.name,
    row.kind,
    row.partitions === undefined ? '-' : String(row.partitions),
    row.configs['cleanup.policy'] === 'compact' ? 'compacted' : formatDuration(row.configs['retention.ms']),
    row.action,
    row.differences.length > 0 ? `differs: ${row.differences.join('; ')}` : '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const render = (cells) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n');
}

function positiveInteger(value, optionName) {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${optionName} must be a positive integer, got "${value}"`);
  return parsed;
}

async function main() {
  const { values: options } = parseArgs({
    options: {
      brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}` },
      partitions: { type: 'string', default: process.env.KAFKA_PARTITIONS ?? '6' },
      'replication-factor': { type: 'string', default: process.env.KAFKA_REPLICATION_FACTOR ?? '1' },
      prefix: { type: 'string', default: '' },
      delete: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (options.help) {
    console.log('usage: node deploy/kafka/topics.mjs [--brokers h:p] [--partitions n] [--replication-factor n]');
    console.log('                                    [--prefix p] [--delete] [--dry-run] [--strict]');
    return 0;
  }
  if (options.delete && !options.prefix) {
    throw new Error('--delete only removes a namespaced copy: pass --prefix');
  }

  const { topics: pipelineTopics, source } = loadPipelineTopics();
  const plan = planTopics({
    pipelineTopics,
    partitions: positiveInteger(options.partitions, '--partitions'),
    replicationFactor: positiveInteger(options['replication-factor'], '--replication-factor'),
    prefix: options.prefix,
  });
  console.log(`pipeline topics from ${source}`);

  if (options['dry-run']) {
    console.log(renderTable(plan.map((topic) => ({ ...topic, action: 'planned', partitions: topic.numPartitions, differences: [] }))));
    return 0;
  }

  const kafka = new Kafka({ clientId: 'jdpipe-topics', brokers: options.brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const rows = options.delete ? await deletePlannedTopics(admin, plan) : await provisionTopics(admin, plan);
    console.log(renderTable(rows));
    const counts = rows.reduce((tally, row) => ({ ...tally, [row.action]: (tally[row.action] ?? 0) + 1 }), {});
    const drifted = rows.filter((row) => row.differences.length > 0).length;
    console.log(
      `${Object.entries(counts)
        .map(([action, count]) => `${count} ${action}`)
        .join(', ')}` +
        (drifted > 0 ? `, ${drifted} differ from the plan` : '') +
        ` (brokers ${options.brokers})`,
    );
    return options.strict && drifted > 0 ? 1 : 0;
  } finally {
    await admin.disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (exitCode) => {
      process.exitCode = exitCode;
    },
    (error) => {
      console.error(`topics: ${error.message}${error.name.startsWith('KafkaJS') ? ' (is the broker up? deploy/kafka/start.sh)' : ''}`);
      process.exitCode = 1;
    },
  );
}
