import { deadLetterTopicOf } from '@jdpipe/contracts';
import { Kafka, logLevel } from 'kafkajs';

import type { KafkaConfig } from '../kafka-config/kafka.config';
import { kafkaLogCreator, stderrSink, type LogLineSink } from '../kafka-logging/kafka-log';
import { KafkaNaming } from '../kafka-message/kafka-message';

/** Records one dead-letter topic holds now. */
export interface DeadLetterTopicCount {
  /** Logical name, e.g. `jobs.posted.v1.dlq` (without the deployment's topic prefix). */
  topic: string;
  count: number;
}

export interface DeadLetterTotals {
  total: number;
  /** One entry per counted topic, in the order the topics were given. */
  byTopic: DeadLetterTopicCount[];
}

/** The part of the kafkajs admin client the counter uses. */
export interface TopicOffsetsAdmin {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  fetchTopicOffsets(topic: string): Promise<Array<{ partition: number; high: string; low: string }>>;
}

export interface KafkaDeadLetterCounterOptions {
  /** How long an answer (or a failure) is reused before the broker is asked again; default 5 s. */
  cacheMs?: number;
  /** Default: a kafkajs admin client on the config's brokers, with short timeouts so a missing broker fails fast. */
  admin?: TopicOffsetsAdmin;
  now?: () => number;
  logSink?: LogLineSink;
}

const DEFAULT_CACHE_MS = 5_000;

/**
 * Counts the records the dead-letter siblings of the given topics hold: per partition, high minus low
 * watermark, i.e. what the retention still keeps. Answers are cached for a few seconds so a dashboard that
 * polls does not turn into a stream of metadata requests; failures are cached as well and rethrown.
 */
export class KafkaDeadLetterCounter {
  private readonly admin: TopicOffsetsAdmin;
  private readonly naming: KafkaNaming;
  private readonly cacheMs: number;
  private readonly now: () => number;
  private cached: { at: number; answer: Promise<DeadLetterTotals> } | undefined;
  private connecting: Promise<void> | undefined;

  constructor(
    config: KafkaConfig,
    private readonly topics: readonly string[],
    options: KafkaDeadLetterCounterOptions = {},
  ) {
    this.naming = new KafkaNaming(config.topicPrefix);
    this.cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
    this.now = options.now ?? Date.now;
    this.admin =
      options.admin ??
      new Kafka({
        clientId: config.clientId,
        brokers: config.brokers,
        connectionTimeout: 1_000,
        requestTimeout: 3_000,
        retry: { retries: 1 },
        logLevel: logLevel.WARN,
        logCreator: kafkaLogCreator(options.logSink ?? stderrSink),
      }).admin();
  }

  count(): Promise<DeadLetterTotals> {
    const now = this.now();
    if (this.cached && now - this.cached.at < this.cacheMs) return this.cached.answer;
    const answer = this.fetch();
    // Keeps the rejection observed here; callers still receive it through the returned promise.
    answer.catch(() => undefined);
    this.cached = { at: now, answer };
    return answer;
  }

  async close(): Promise<void> {
    this.connecting = undefined;
    await this.admin.disconnect().catch(() => undefined);
  }

  private async fetch(): Promise<DeadLetterTotals> {
    this.connecting ??= this.admin.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    await this.connecting;
    // Every request settles before the answer: none keeps retrying behind a rejected count (or a close).
    const settled = await Promise.allSettled(
      this.topics.map(async (topic): Promise<DeadLetterTopicCount> => {
        const deadLetterTopic = deadLetterTopicOf(topic);
        const partitions = await this.admin.fetchTopicOffsets(this.naming.topic(deadLetterTopic));
        return { topic: deadLetterTopic, count: retainedRecords(partitions) };
      }),
    );
    const byTopic: DeadLetterTopicCount[] = [];
    for (const outcome of settled) {
      if (outcome.status === 'rejected') throw outcome.reason;
      byTopic.push(outcome.value);
    }
    return { total: byTopic.reduce((sum, entry) => sum + entry.count, 0), byTopic };
  }
}

/** Records a topic retains: per partition, the next offset to be written minus the earliest one still kept. */
export function retainedRecords(partitions: Array<{ high: string; low: string }>): number {
  return partitions.reduce((sum, partition) => sum + Math.max(0, Number(partition.high) - Number(partition.low)), 0);
}
