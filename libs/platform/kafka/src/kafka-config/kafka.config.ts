import { wholeNumber } from '@jdpipe/config';
import { PipelineError } from '@jdpipe/contracts';

/**
 * How a service talks to Kafka; validated at start-up. The consumer timings are chosen for slow stages (an
 * LLM call or a database transaction can take tens of seconds): the session outlives a missed heartbeat or
 * two, heartbeats keep flowing while a handler runs, and a rebalance waits long enough for in-flight work.
 */
export interface KafkaConfig {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic and group name, so tests and side-by-side stacks never share state. */
  topicPrefix: string;
  /** How many partitions one consumer handles at the same time (order is kept within a partition). */
  partitionsConsumedConcurrently: number;
  /** The broker drops a member it has not heard from for this long (broker bounds: 6 s to 30 min by default). */
  sessionTimeoutMs: number;
  /** How often heartbeats are sent, also from inside a running handler; at most a third of the session. */
  heartbeatIntervalMs: number;
  /** How long a rebalance waits for members to rejoin, i.e. to finish the message in hand. */
  rebalanceTimeoutMs: number;
  /** How long close() lets an in-flight handler finish before giving up on it (its offset stays uncommitted). */
  closeGraceMs: number;
}

export const DEFAULT_KAFKA_CONFIG: KafkaConfig = {
  brokers: ['127.0.0.1:9092'],
  clientId: 'jdpipe',
  topicPrefix: '',
  partitionsConsumedConcurrently: 1,
  sessionTimeoutMs: 45_000,
  heartbeatIntervalMs: 3_000,
  rebalanceTimeoutMs: 60_000,
  closeGraceMs: 30_000,
};

const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$/;
// Kafka's legal topic characters; the prefix must leave room for the longest topic name and its suffixes.
const TOPIC_PREFIX = /^[A-Za-z0-9._-]{0,120}$/;
const CLIENT_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Reads KAFKA_* variables; a bad value stops start-up with every problem named at once. */
export function loadKafkaConfig(env: NodeJS.ProcessEnv = process.env): KafkaConfig {
  const problems: string[] = [];
  const defaults = DEFAULT_KAFKA_CONFIG;

  const brokers = (env.KAFKA_BROKERS?.trim() || defaults.brokers.join(','))
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  const badBrokers = brokers.filter((broker) => !BROKER.test(broker) || Number(broker.split(':').pop()) > 65_535);
  if (brokers.length === 0 || badBrokers.length > 0) {
    problems.push(`KAFKA_BROKERS must be a comma-separated list of host:port, got "${env.KAFKA_BROKERS ?? ''}"`);
  }
  const clientId = env.KAFKA_CLIENT_ID?.trim() || defaults.clientId;
  if (!CLIENT_ID.test(clientId)) problems.push(`KAFKA_CLIENT_ID may hold only letters, digits, ".", "_" and "-", got "${clientId}"`);
  const topicPrefix = env.KAFKA_TOPIC_PREFIX?.trim() ?? defaults.topicPrefix;
  if (!TOPIC_PREFIX.test(topicPrefix)) {
    problems.push(`KAFKA_TOPIC_PREFIX may hold only letters, digits, ".", "_" and "-" (120 at most), got "${topicPrefix}"`);
  }

  const concurrency = wholeNumber(env, 'KAFKA_PARTITIONS_CONCURRENCY', defaults.partitionsConsumedConcurrently, 1, 64, problems);
  const sessionTimeoutMs = wholeNumber(env, 'KAFKA_SESSION_TIMEOUT_MS', defaults.sessionTimeoutMs, 6_000, 1_800_000, problems);
  const heartbeatIntervalMs = wholeNumber(env, 'KAFKA_HEARTBEAT_INTERVAL_MS', defaults.heartbeatIntervalMs, 100, 600_000, problems);
  const rebalanceTimeoutMs = wholeNumber(env, 'KAFKA_REBALANCE_TIMEOUT_MS', defaults.rebalanceTimeoutMs, 6_000, 1_800_000, problems);
  const closeGraceMs = wholeNumber(env, 'KAFKA_CLOSE_GRACE_MS', defaults.closeGraceMs, 0, 600_000, problems);
  if (heartbeatIntervalMs * 3 > sessionTimeoutMs) {
    problems.push(
      `KAFKA_HEARTBEAT_INTERVAL_MS (${heartbeatIntervalMs}) must be at most a third of KAFKA_SESSION_TIMEOUT_MS (${sessionTimeoutMs}), or one late heartbeat costs a rebalance`,
    );
  }
  if (rebalanceTimeoutMs < sessionTimeoutMs) {
    problems.push(
      `KAFKA_REBALANCE_TIMEOUT_MS (${rebalanceTimeoutMs}) must not be shorter than KAFKA_SESSION_TIMEOUT_MS (${sessionTimeoutMs})`,
    );
  }

  if (problems.length > 0) {
    throw new PipelineError('INPUT.INVALID', `invalid Kafka configuration: ${problems.join('; ')}`);
  }
  return {
    brokers,
    clientId,
    topicPrefix,
    partitionsConsumedConcurrently: concurrency,
    sessionTimeoutMs,
    heartbeatIntervalMs,
    rebalanceTimeoutMs,
    closeGraceMs,
  };
}
