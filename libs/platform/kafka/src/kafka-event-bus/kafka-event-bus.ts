import { PipelineError } from '@jdpipe/contracts';
import type { BusMessageHandler, EventBus, OutgoingMessage, SubscribeOptions } from '@jdpipe/messaging';
import { KAFKA_MESSAGING_SYSTEM } from '@jdpipe/telemetry';
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';

import type { KafkaConfig } from '../kafka-config/kafka.config';
import { jsonLogLine, kafkaLogCreator, stderrSink, type LogLineSink } from '../kafka-logging/kafka-log';
import { KafkaNaming } from '../kafka-message/kafka-message';
import { GroupConsumer } from './group-consumer';

/** Lag of one partition for one group: what the broker holds that the group has not committed yet. */
export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  /** The offset the next record will get (high watermark). */
  latestOffset: number;
  /** The group's next offset to read; -1 when it never committed (it then starts at the earliest retained record). */
  committedOffset: number;
  lag: number;
}

export interface KafkaEventBusOptions {
  /** Called with each new consumer before it joins, e.g. to count GROUP_JOIN events or export metrics. */
  onConsumerCreated?(group: string, consumer: Consumer): void;
  logSink?: LogLineSink;
}

/**
 * The EventBus over Kafka, written against kafkajs directly rather than the Nest microservice transport:
 * we need our own headers (attempt, retry-at, dead-letter origin), commits only after a handler and its
 * publishes succeeded, routing to `<topic>.retry` and `<topic>.dlq`, and heartbeats from inside slow
 * handlers; the Nest transport hides the consumer loop and commits on its own terms.
 */
export class KafkaEventBus implements EventBus {
  readonly messagingSystem = KAFKA_MESSAGING_SYSTEM;
  private readonly kafka: Kafka;
  private readonly naming: KafkaNaming;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly log: LogLineSink;
  private readonly consumers = new Map<string, GroupConsumer>();
  private readonly groupsToDelete = new Set<string>();
  private readonly pendingPublishes = new Set<Promise<unknown>>();
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly config: KafkaConfig,
    private readonly options: KafkaEventBusOptions = {},
  ) {
    this.log = options.logSink ?? stderrSink;
    this.naming = new KafkaNaming(config.topicPrefix);
    this.kafka = new Kafka({
      clientId: config.clientId,
      brokers: config.brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(this.log),
    });
    // Idempotent: a retried send cannot duplicate or reorder a key's events (acks=all, one request in flight).
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.admin = this.kafka.admin();
  }

  /** Connects the shared producer and the admin client; publish and subscribe call it on first use. */
  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new PipelineError('BUS.UNAVAILABLE', 'the Kafka bus is closed', { retriable: false }));
    this.connecting ??= Promise.all([this.producer.connect(), this.admin.connect()]).then(
      () => undefined,
      (error: unknown) => {
        this.connecting = undefined;
        throw new PipelineError('BUS.UNAVAILABLE', `cannot connect to Kafka at ${this.config.brokers.join(',')}: ${messageOf(error)}`, {
          cause: error,
        });
      },
    );
    return this.connecting;
  }

  async publish(message: OutgoingMessage): Promise<void> {
    await this.connect();
    const sending = this.producer.send({
      topic: this.naming.topic(message.topic),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers: { ...(message.headers ?? {}) } }],
    });
    this.pendingPublishes.add(sending);
    try {
      await sending;
    } catch (error) {
      throw new PipelineError('BUS.UNAVAILABLE', `publishing to ${message.topic} failed: ${messageOf(error)}`, { cause: error });
    } finally {
      this.pendingPublishes.delete(sending);
    }
  }

  /** Parking a retry is a publish: the retry consumer of the same group holds the message until it is due. */
  retryLater(retry: OutgoingMessage): Promise<void> {
    return this.publish(retry);
  }

  /** One consumer per group (the app name), reading `<topic>` and, unless told otherwise, `<topic>.retry`. */
  async subscribe(topic: string, group: string, handler: BusMessageHandler, options: SubscribeOptions = {}): Promise<void> {
    const existing = this.consumers.get(group);
    if (existing) throw new Error(`group ${group} already consumes ${existing.topics[0]}; one consumer per group`);
    await this.connect();
    const consumer = this.kafka.consumer({
      groupId: this.naming.group(group),
      sessionTimeout: this.config.sessionTimeoutMs,
      heartbeatInterval: this.config.heartbeatIntervalMs,
      rebalanceTimeout: this.config.rebalanceTimeoutMs,
      allowAutoTopicCreation: false,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.log(
        jsonLogLine('error', 'jdpipe.kafka.consumer', 'consumer crashed', {
          group,
          restart: payload.restart,
          error: payload.error.message,
        }),
      );
    });
    this.options.onConsumerCreated?.(group, consumer);
    const member = new GroupConsumer(consumer, topic, handler, this.naming, this.config, this.log, options.readsRetryTopic ?? true);
    this.consumers.set(group, member);
    if (options.deleteGroupOnClose) this.groupsToDelete.add(group);
    try {
      await member.start();
    } catch (error) {
      this.consumers.delete(group);
      await consumer.disconnect().catch(() => undefined);
      throw new PipelineError('BUS.UNAVAILABLE', `cannot consume ${topic} as ${group}: ${messageOf(error)}`, { cause: error });
    }
  }

  /** Lag per partition of `group` on `topics` (logical names): latest offsets minus committed ones. */
  /** Lag of every group this bus consumes for, on all its topics: what the consumer-lag metric reports. */
  async subscribedLag(): Promise<PartitionLag[]> {
    const perGroup = await Promise.all([...this.consumers].map(([group, member]) => this.consumerLag(group, member.topics)));
    return perGroup.flat();
  }

  async consumerLag(group: string, topics: string[]): Promise<PartitionLag[]> {
    await this.connect();
    const committed = await this.admin.fetchOffsets({
      groupId: this.naming.group(group),
      topics: topics.map((topic) => this.naming.topic(topic)),
    });
    const lags: PartitionLag[] = [];
    for (const topic of topics) {
      const latest = await this.admin.fetchTopicOffsets(this.naming.topic(topic));
      const committedOfTopic = committed.find((entry) => entry.topic === this.naming.topic(topic))?.partitions ?? [];
      for (const { partition, high, low } of latest) {
        const committedOffset = Number(committedOfTopic.find((entry) => entry.partition === partition)?.offset ?? -1);
        const next = committedOffset >= 0 ? committedOffset : Number(low);
        lags.push({ group, topic, partition, latestOffset: Number(high), committedOffset, lag: Math.max(0, Number(high) - next) });
      }
    }
    return lags.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }

  /**
   * Resolves once every group of this bus has committed everything on its topics, no handler is running and
   * every publish was acknowledged, all observed in one quiet round (a handler that ran between two reads
   * shows up in `handledCount`). Rejects after `timeoutMs` with the remaining lag.
   */
  async drain(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let remaining: PartitionLag[] = [];
    for (;;) {
      await Promise.allSettled([...this.pendingPublishes]);
      const handledBefore = this.totalHandled();
      if (!this.anyBusy() && this.pendingPublishes.size === 0) {
        remaining = (await this.subscribedLag()).filter((partition) => partition.lag > 0);
        if (remaining.length === 0 && !this.anyBusy() && this.pendingPublishes.size === 0 && this.totalHandled() === handledBefore) return;
      }
      if (Date.now() > deadline) {
        const described = remaining.map((p) => `${p.group} ${p.topic}[${p.partition}] lag ${p.lag}`).join(', ');
        throw new Error(`the Kafka bus did not drain within ${timeoutMs} ms${described ? `: ${described}` : ''}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Graceful: consumers stop fetching and finish (or, after the grace period, abandon) the message in hand; then the producer flushes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.consumers.values()].map((member) => member.stop(this.config.closeGraceMs)));
    this.consumers.clear();
    // Best effort: a group left behind (crash, broker away) expires with the broker's offsets retention.
    if (this.groupsToDelete.size > 0 && this.connecting) {
      await this.admin.deleteGroups([...this.groupsToDelete].map((group) => this.naming.group(group))).catch(() => undefined);
    }
    await Promise.allSettled([...this.pendingPublishes]);
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  private anyBusy(): boolean {
    return [...this.consumers.values()].some((member) => member.busy);
  }

  private totalHandled(): number {
    return [...this.consumers.values()].reduce((sum, member) => sum + member.handledCount, 0);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
