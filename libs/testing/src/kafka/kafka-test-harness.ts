import { randomBytes } from 'node:crypto';

import { Kafka, logLevel, type Admin, type Consumer, type IHeaders } from 'kafkajs';

import { waitFor } from './wait-for';

/** A record as a test reads it back: strings throughout. */
export interface ReadRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/** Records of one topic, filled in as they arrive. */
export interface TopicReader {
  records: ReadRecord[];
  stop(): Promise<void>;
}

/**
 * A real broker, namespaced per test: every topic and group gets a random prefix, so tests never see each
 * other's messages or offsets and need no clean-up to stay independent (topics are deleted on close anyway).
 * Pass `prefix` as KAFKA_TOPIC_PREFIX to the code under test and use logical names everywhere else.
 */
export class KafkaTestHarness {
  readonly prefix = `test-${randomBytes(4).toString('hex')}.`;
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly created: string[] = [];
  private readonly readers: Consumer[] = [];

  private constructor(readonly brokers: string[]) {
    this.kafka = new Kafka({ clientId: 'jdpipe-test-harness', brokers, logLevel: logLevel.ERROR });
    this.admin = this.kafka.admin();
  }

  /** Connects to KAFKA_BROKERS (default 127.0.0.1:9092); start it with `bash deploy/kafka/start.sh`. */
  static async connect(brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')): Promise<KafkaTestHarness> {
    const harness = new KafkaTestHarness(brokers);
    try {
      await harness.admin.connect();
    } catch (error) {
      throw new Error(`no Kafka broker at ${brokers.join(',')}: run \`bash deploy/kafka/start.sh\` first`, { cause: error });
    }
    return harness;
  }

  physical(logicalTopic: string): string {
    return this.prefix + logicalTopic;
  }

  /** Creates each topic with its `.retry` and `.dlq` siblings, and waits until they have leaders. */
  async createTopics(logicalTopics: string[], partitions = 1): Promise<void> {
    const names = logicalTopics.flatMap((topic) => [topic, `${topic}.retry`, `${topic}.dlq`]).map((topic) => this.physical(topic));
    try {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: names.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
      });
    } catch (error) {
      // On a freshly started broker the leader check can ask for metadata before the new topics are known
      // (UNKNOWN_TOPIC_OR_PARTITION, which kafkajs does not retry): the topics exist, so wait for them below.
      if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
    }
    this.created.push(...names);
    await waitFor(
      async () => {
        const metadata = await this.admin.fetchTopicMetadata({ topics: names }).catch(() => undefined);
        return metadata?.topics.every((topic) => topic.partitions.length === partitions && topic.partitions.every((p) => p.leader >= 0));
      },
      { timeoutMs: 30_000, description: `leaders for ${names.join(', ')}` },
    );
  }

  /** Reads a topic from its beginning with a group of its own, e.g. to see what reached a dead-letter topic. */
  async read(logicalTopic: string): Promise<TopicReader> {
    const consumer = this.kafka.consumer({
      groupId: `${this.prefix}reader-${randomBytes(3).toString('hex')}`,
      allowAutoTopicCreation: false,
    });
    this.readers.push(consumer);
    const records: ReadRecord[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [this.physical(logicalTopic)], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ partition, message }) => {
        records.push({
          topic: logicalTopic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value?.toString('utf8') ?? '',
          headers: headerStrings(message.headers),
        });
        return Promise.resolve();
      },
    });
    return { records, stop: () => consumer.disconnect() };
  }

  /** The group's committed next offset per partition of a topic (-1: nothing committed). */
  async committedOffsets(logicalGroup: string, logicalTopic: string): Promise<number[]> {
    const [entry] = await this.admin.fetchOffsets({ groupId: this.prefix + logicalGroup, topics: [this.physical(logicalTopic)] });
    return (entry?.partitions ?? []).sort((a, b) => a.partition - b.partition).map((partition) => Number(partition.offset));
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.readers.map((reader) => reader.disconnect()));
    if (this.created.length > 0) await this.admin.deleteTopics({ topics: this.created }).catch(() => undefined);
    await this.admin.disconnect();
  }
}

function headerStrings(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {})
      .filter((entry): entry is [string, Buffer | string | (Buffer | string)[]] => entry[1] !== undefined)
      .map(([name, value]) => [name, String(Array.isArray(value) ? value[value.length - 1] : value)]),
  );
}
