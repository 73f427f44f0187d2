#!/usr/bin/env node
// One readiness probe of a Kafka broker through kafkajs' admin client: exits 0 when the cluster answers
// DescribeCluster with at least one broker and an elected controller, 1 otherwise. start.sh calls it in a
// loop; it is also a quick "is my broker up?" check.
//   node deploy/kafka/ready.mjs [--brokers 127.0.0.1:9092] [--quiet]
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';

const { values: options } = parseArgs({
  options: {
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}` },
    quiet: { type: 'boolean', default: false },
  },
});

const kafka = new Kafka({
  clientId: 'jdpipe-kafka-ready',
  brokers: options.brokers.split(','),
  logLevel: logLevel.NOTHING,
  connectionTimeout: 2_000,
  requestTimeout: 5_000,
  // A single attempt: the caller owns the retry loop and its deadline.
  retry: { retries: 0 },
});
const admin = kafka.admin();

try {
  await admin.connect();
  const cluster = await admin.describeCluster();
  if (cluster.brokers.length === 0 || cluster.controller === null || cluster.controller < 0) {
    throw new Error(`cluster ${cluster.clusterId} has no broker or no controller yet`);
  }
  if (!options.quiet) {
    const brokers = cluster.brokers.map((broker) => `${broker.nodeId}@${broker.host}:${broker.port}`).join(', ');
    console.log(`kafka ready: cluster ${cluster.clusterId}, controller ${cluster.controller}, brokers ${brokers}`);
  }
  process.exitCode = 0;
} catch (error) {
  if (!options.quiet) console.error(`kafka not ready at ${options.brokers}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await admin.disconnect().catch(() => undefined);
}
