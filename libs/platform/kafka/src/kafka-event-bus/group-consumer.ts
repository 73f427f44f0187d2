import { retryTopicOf } from '@jdpipe/contracts';
import { delayUntilDue, type BusMessage, type BusMessageHandler } from '@jdpipe/messaging';
import type { Consumer, EachBatchPayload } from 'kafkajs';

import type { KafkaConfig } from '../kafka-config/kafka.config';
import { jsonLogLine, type LogLineSink } from '../kafka-logging/kafka-log';
import { toBusMessage, type KafkaNaming } from '../kafka-message/kafka-message';

/** When the handler itself fails (its dead-letter or retry publish did not go through), try the message again after this. */
const REDELIVERY_DELAY_MS = 1_000;

type HandlingOutcome = 'handled' | 'failed' | 'abandoned';

/**
 * One consumer group member: consumes `<topic>` and `<topic>.retry` and hands each message to the handler.
 *
 * eachBatch with manual `resolveOffset` rather than eachMessage, because a batch may have to stop half-way
 * without an error: a retry message that is not due yet, a failed publish, or a shutdown. Returning with the
 * rest unresolved makes kafkajs fetch it again, whereas throwing from eachMessage would restart the consumer.
 * An offset is committed right after its message was handled and everything it published was acknowledged,
 * so a crash re-delivers at most the message in hand (at-least-once; the persister's dedupe does the rest).
 */
export class GroupConsumer {
  /** Messages handled to completion so far; drain() compares snapshots of it to detect work it did not see. */
  handledCount = 0;
  private readonly inFlight = new Set<Promise<HandlingOutcome>>();
  private readonly resumeTimers = new Set<NodeJS.Timeout>();
  private stopping = false;
  private abandonInFlight: () => void = () => undefined;
  private readonly abandoned = new Promise<'abandoned'>((resolve) => {
    this.abandonInFlight = () => resolve('abandoned');
  });

  constructor(
    private readonly consumer: Consumer,
    private readonly topic: string,
    private readonly handler: BusMessageHandler,
    private readonly naming: KafkaNaming,
    private readonly config: KafkaConfig,
    private readonly log: LogLineSink,
    private readonly readsRetryTopic = true,
  ) {}

  /** The logical topics this member reads. */
  get topics(): string[] {
    return this.readsRetryTopic ? [this.topic, retryTopicOf(this.topic)] : [this.topic];
  }

  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    // A new group starts at the beginning: postings published before a service's first start are not skipped.
    await this.consumer.subscribe({ topics: this.topics.map((topic) => this.naming.topic(topic)), fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.config.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
  }

  /**
   * Graceful stop: no new messages, the message in hand may finish and commit within `graceMs`; after that it
   * is abandoned uncommitted (it will be re-delivered), and the member leaves the group.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    for (const timer of this.resumeTimers) clearTimeout(timer);
    this.resumeTimers.clear();
    const deadline = setTimeout(() => this.abandonInFlight(), graceMs);
    try {
      await this.consumer.disconnect();
    } finally {
      clearTimeout(deadline);
    }
  }

  private async consumeBatch({
    batch,
    resolveOffset,
    heartbeat,
    pause,
    commitOffsetsIfNecessary,
    uncommittedOffsets,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const logicalTopic = this.naming.logicalTopic(batch.topic);
    const isRetryTopic = logicalTopic === retryTopicOf(this.topic);
    for (const record of batch.messages) {
      if (this.stopping || !isRunning() || isStale()) return;
      const message = toBusMessage(logicalTopic, batch.partition, record);

      if (isRetryTopic) {
        // Not due yet: park this partition instead of sleeping in it, which would hold the fetch loop (and
        // with it the main topic) for the whole backoff. kafkajs keeps heartbeating while the partition rests.
        const waitMs = delayUntilDue(message);
        if (waitMs > 0) {
          this.resumeLater(pause(), waitMs);
          return;
        }
      }

      const outcome = await this.handle(message, heartbeat);
      if (outcome === 'abandoned') return;
      if (outcome === 'failed') {
        this.resumeLater(pause(), REDELIVERY_DELAY_MS);
        return;
      }
      resolveOffset(record.offset);
      await commitOffsetsIfNecessary(uncommittedOffsets());
      this.handledCount += 1;
    }
  }

  /** Runs the handler with heartbeats every interval, so a handler slower than the session causes no rebalance. */
  private async handle(message: BusMessage, heartbeat: () => Promise<void>): Promise<HandlingOutcome> {
    const heartbeats = setInterval(() => {
      heartbeat().catch((error: unknown) => {
        // A rebalance is under way: the commit after this message will fail and the message come back.
        this.log(
          jsonLogLine('warn', 'jdpipe.kafka.consumer', 'heartbeat failed while a handler was running', this.context(message, error)),
        );
      });
    }, this.config.heartbeatIntervalMs);
    const handling = this.handler(message).then(
      (): HandlingOutcome => 'handled',
      (error: unknown): HandlingOutcome => {
        this.log(
          jsonLogLine('error', 'jdpipe.kafka.consumer', 'handler failed; the message will be re-delivered', this.context(message, error)),
        );
        return 'failed';
      },
    );
    this.inFlight.add(handling);
    try {
      return await Promise.race([handling, this.abandoned]);
    } finally {
      clearInterval(heartbeats);
      this.inFlight.delete(handling);
    }
  }

  private resumeLater(resume: () => void, delayMs: number): void {
    const timer = setTimeout(() => {
      this.resumeTimers.delete(timer);
      if (!this.stopping) resume();
    }, delayMs);
    this.resumeTimers.add(timer);
  }

  private context(message: BusMessage, error: unknown): Record<string, unknown> {
    return {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
