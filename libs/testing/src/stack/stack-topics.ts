import { randomBytes } from 'node:crypto';

import { Kafka, logLevel, type Admin, type Consumer, type IHeaders } from 'kafkajs';

import type { ReadRecord } from '../kafka/kafka-test-harness';

/** A record read back from the stack's topics; `valueBytes` keeps bytes that are not UTF-8 intact. */
export interface StackRecord extends ReadRecord {
  valueBytes: Buffer;
}

export interface StackTopicReader {
  /** Filled in as records arrive. */
  records: StackRecord[];
  stop(): Promise<void>;
}

/**
 * The stack's topics as a test sees them: logical names in, the stack's prefix applied. Readers use consumer
 * groups of their own (`<prefix>e2e-reader-…`), which `close()` deletes along with nothing else.
 */
export class StackTopics {
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly readers: Array<{ consumer: Consumer; group: string }> = [];

  constructor(
    readonly prefix: string,
    brokers: string[],
  ) {
    this.kafka = new Kafka({ clientId: 'jdpipe-e2e', brokers, logLevel: logLevel.ERROR });
    this.admin = this.kafka.admin();
  }

  async connect(): Promise<void> {
    await this.admin.connect();
  }

  physical(logicalTopic: string): string {
    return this.prefix + logicalTopic;
  }

  /** Reads a topic from its beginning in a fresh consumer group. */
  async read(logicalTopic: string): Promise<StackTopicReader> {
    const group = `${this.prefix}e2e-reader-${randomBytes(3).toString('hex')}`;
    const consumer = this.kafka.consumer({ groupId: group, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
    this.readers.push({ consumer, group });
    const records: StackRecord[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [this.physical(logicalTopic)], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ partition, message }) => {
        const valueBytes = message.value ?? Buffer.alloc(0);
        records.push({
          topic: logicalTopic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: valueBytes.toString('utf8'),
          valueBytes,
          headers: headerStrings(message.headers),
        });
        return Promise.resolve();
      },
    });
    return { records, stop: () => consumer.disconnect() };
  }

  /** Sum over partitions of the topic's end offsets: how many records it ever received. */
  async endOffsetTotal(logicalTopic: string): Promise<number> {
    const offsets = await this.admin.fetchTopicOffsets(this.physical(logicalTopic));
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.readers.map(({ consumer }) => consumer.disconnect()));
    const groups = this.readers.map(({ group }) => group);
    if (groups.length > 0) await this.admin.deleteGroups(groups).catch(() => undefined);
    await this.admin.disconnect();
  }

  /** Deletes the stack's own consumer groups (the services'), once the services are gone. */
  async deleteGroups(logicalGroups: string[]): Promise<void> {
    const groups = logicalGroups.map((group) => this.prefix + group);
    await this.admin.deleteGroups(groups).catch(() => undefined);
  }
}

function headerStrings(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {})
      .filter((entry): entry is [string, Buffer | string | (Buffer | string)[]] => entry[1] !== undefined)
      .map(([name, value]) => [name, String(Array.isArray(value) ? value[value.length - 1] : value)]),
  );
}
