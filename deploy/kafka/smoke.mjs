#!/usr/bin/env node
// End-to-end check of kafkajs against the broker: an idempotent (transaction-free) producer writes keyed
// messages to a fresh topic, a consumer group reads them with manual commits, and the script checks that
// every message arrived once, that each key stayed on one partition in send order, and that the committed
// offsets let a restarted group member resume exactly where the first one stopped. The topic and the group
// are deleted afterwards. Exits non-zero on any failed check.
// kafkajs' own log is silenced (it reports retried, expected errors such as a coordinator still loading on a
// fresh broker); KAFKAJS_LOG_LEVEL=warn brings it back.
//
//   node deploy/kafka/smoke.mjs [--brokers 127.0.0.1:9092] [--messages 1000] [--keys 50] [--partitions 6]
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import kafkajs from 'kafkajs';

const { Kafka, Partitioners, logLevel } = kafkajs;

const { values: options } = parseArgs({
  options: {
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}` },
    messages: { type: 'string', default: '1000' },
    keys: { type: 'string', default: '50' },
    partitions: { type: 'string', default: '6' },
    'batch-size': { type: 'string', default: '100' },
    'timeout-seconds': { type: 'string', default: '60' },
  },
});
const messageCount = Number(options.messages);
const keyCount = Number(options.keys);
const partitionCount = Number(options.partitions);
const batchSize = Number(options['batch-size']);
const timeoutMs = Number(options['timeout-seconds']) * 1000;
const resumeCount = Math.max(1, Math.round(messageCount / 20));

const runId = `${Date.now()}-${randomBytes(3).toString('hex')}`;
const topic = `smoke.kafkajs.${runId}`;
const groupId = `smoke-kafkajs-${runId}`;

const kafka = new Kafka({ clientId: 'jdpipe-kafka-smoke', brokers: options.brokers.split(','), logLevel: logLevel.NOTHING });
const admin = kafka.admin();
// maxInFlightRequests 1 keeps per-partition order even when a send is retried.
const producer = kafka.producer({
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
});

const timings = [];
async function timed(label, action) {
  const startedAt = performance.now();
  const result = await action();
  timings.push({ label, milliseconds: performance.now() - startedAt });
  return result;
}

const failures = [];
function check(condition, description) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${description}`);
  if (!condition) failures.push(description);
}

/** Message i: key k = i mod keys, its n-th message for that key has sequence n. */
function buildMessage(index) {
  const key = `posting-${String(index % keyCount).padStart(4, '0')}`;
  const sequence = Math.floor(index / keyCount);
  return { key, value: JSON.stringify({ key, sequence, index }), headers: { 'smoke-run': runId } };
}

async function produceRange(from, to) {
  for (let start = from; start < to; start += batchSize) {
    const messages = [];
    for (let index = start; index < Math.min(start + batchSize, to); index += 1) messages.push(buildMessage(index));
    await producer.send({ topic, acks: -1, messages });
  }
}

/**
 * Runs one group member until `expected` messages arrived (or the deadline), committing after each batch.
 * Returns the deliveries in arrival order.
 */
async function consumeUntil(expected, label) {
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  const deliveries = [];
  let firstDeliveryAt;
  const startedAt = performance.now();
  let endedAt = startedAt;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let reachedExpected;
    const reached = new Promise((resolve) => {
      reachedExpected = resolve;
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        firstDeliveryAt ??= performance.now();
        for (const message of batch.messages) {
          deliveries.push({
            partition: batch.partition,
            offset: Number(message.offset),
            key: message.key.toString(),
            ...JSON.parse(message.value.toString()),
          });
          resolveOffset(message.offset);
        }
        const last = batch.messages.at(-1);
        if (last) {
          await consumer.commitOffsets([{ topic, partition: batch.partition, offset: String(Number(last.offset) + 1) }]);
        }
        await heartbeat();
        if (deliveries.length >= expected) reachedExpected();
      },
    });
    let timer;
    const deadline = new Promise((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([reached, deadline]);
    clearTimeout(timer);
    endedAt = performance.now();
    // A short grace period to catch duplicates arriving after the expected count.
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    await consumer.disconnect();
  }
  timings.push({ label: `${label}: first batch after connect`, milliseconds: (firstDeliveryAt ?? endedAt) - startedAt });
  timings.push({ label: `${label}: ${deliveries.length} consumed after connect`, milliseconds: endedAt - startedAt });
  return deliveries;
}

function verifyOrdering(deliveries, expectedIndexes, label) {
  const indexes = deliveries.map((delivery) => delivery.index);
  const unique = new Set(indexes);
  check(deliveries.length === expectedIndexes.length, `${label}: received ${deliveries.length} of ${expectedIndexes.length}`);
  check(unique.size === deliveries.length, `${label}: no duplicates (${deliveries.length - unique.size} repeated)`);
  check(
    expectedIndexes.every((index) => unique.has(index)),
    `${label}: every sent message arrived`,
  );

  const partitionsByKey = new Map();
  const lastSequenceByKey = new Map();
  const lastOffsetByPartition = new Map();
  let keyOrderViolations = 0;
  let offsetOrderViolations = 0;
  for (const delivery of deliveries) {
    const partitions = partitionsByKey.get(delivery.key) ?? new Set();
    partitions.add(delivery.partition);
    partitionsByKey.set(delivery.key, partitions);
    const previousSequence = lastSequenceByKey.get(delivery.key) ?? -1;
    if (delivery.sequence <= previousSequence) keyOrderViolations += 1;
    lastSequenceByKey.set(delivery.key, delivery.sequence);
    const previousOffset = lastOffsetByPartition.get(delivery.partition) ?? -1;
    if (delivery.offset <= previousOffset) offsetOrderViolations += 1;
    lastOffsetByPartition.set(delivery.partition, delivery.offset);
  }
  const keysOnOnePartition = [...partitionsByKey.values()].filter((partitions) => partitions.size === 1).length;
  check(keysOnOnePartition === partitionsByKey.size, `${label}: each of ${partitionsByKey.size} keys stayed on one partition`);
  check(keyOrderViolations === 0, `${label}: per-key send order kept (${keyOrderViolations} out of order)`);
  check(offsetOrderViolations === 0, `${label}: per-partition offsets increasing (${offsetOrderViolations} out of order)`);
  return lastOffsetByPartition.size;
}

async function verifyCommittedOffsets(label) {
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const ends = await admin.fetchTopicOffsets(topic);
  const lagging = ends.filter((end) => {
    const commit = committed.partitions.find((entry) => entry.partition === end.partition);
    return commit?.offset !== end.high;
  });
  check(lagging.length === 0, `${label}: committed offsets equal the end of every partition (${lagging.length} behind)`);
}

async function main() {
  console.log(`kafkajs smoke against ${options.brokers}: topic ${topic}, ${messageCount} messages, ${keyCount} keys`);
  await timed('connect admin + producer', async () => {
    await admin.connect();
    await producer.connect();
  });
  let topicCreated = false;
  try {
    await timed(`create topic (${partitionCount} partitions)`, async () => {
      topicCreated = await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic, numPartitions: partitionCount, replicationFactor: 1 }],
      });
    });

    await timed(`produce ${messageCount} (idempotent, batches of ${batchSize})`, () => produceRange(0, messageCount));
    const firstRun = await consumeUntil(messageCount, 'group member 1');
    const usedPartitions = verifyOrdering(firstRun, [...Array(messageCount).keys()], 'first pass');
    check(usedPartitions > 1, `first pass: keys spread over ${usedPartitions} partitions`);
    await timed('fetch committed offsets', () => verifyCommittedOffsets('first pass'));

    // A new member of the same group must start from the committed offsets: only new messages arrive.
    const resumeIndexes = [...Array(resumeCount).keys()].map((offset) => messageCount + offset);
    await timed(`produce ${resumeCount} more`, () => produceRange(messageCount, messageCount + resumeCount));
    const secondRun = await consumeUntil(resumeCount, 'group member 2');
    verifyOrdering(secondRun, resumeIndexes, 'resume');
    await verifyCommittedOffsets('resume');
  } finally {
    await producer.disconnect().catch(() => undefined);
    if (topicCreated) {
      await timed('delete topic + group', async () => {
        await admin.deleteTopics({ topics: [topic], timeout: 30_000 });
        await admin.deleteGroups([groupId]).catch((error) => console.warn(`could not delete group ${groupId}: ${error.message}`));
      });
      const remaining = await admin.listTopics();
      check(!remaining.includes(topic), 'temp topic deleted');
    }
    await admin.disconnect();
  }

  const producing = timings.find((timing) => timing.label.startsWith(`produce ${messageCount}`));
  console.log('\ntimings');
  for (const timing of timings) console.log(`  ${timing.label.padEnd(48)} ${timing.milliseconds.toFixed(0).padStart(6)} ms`);
  if (producing) console.log(`  producer throughput ${(messageCount / (producing.milliseconds / 1000)).toFixed(0)} msg/s`);
  console.log(failures.length === 0 ? '\nsmoke passed' : `\nsmoke FAILED: ${failures.length} check(s)`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error) => {
    console.error(`smoke FAILED: ${error.message} (is the broker up? deploy/kafka/start.sh)`);
    process.exitCode = 1;
  },
);
