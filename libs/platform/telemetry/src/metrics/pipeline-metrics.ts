import { type Counter, type Histogram, type Meter, metrics, type ObservableGauge, type ObservableResult } from '@opentelemetry/api';

import { ERROR_TYPE_ATTRIBUTE, JdpipeAttribute, MessagingAttribute } from '../tracing/span-attributes';

const METER_NAME = '@jdpipe/telemetry';

/** How a stage finished with one message; the failure policy at the edge decides which. */
export type ProcessingOutcome = 'succeeded' | 'duplicate' | 'rejected' | 'retried' | 'dead_lettered';

/** One consumer-lag observation: messages the stage's group has not yet consumed on a topic partition. */
export interface ConsumerLagReading {
  stage: string;
  topic: string;
  partition?: number;
  lag: number;
}

/** Supplies current lag readings when metrics are collected (e.g. from the Kafka admin client). */
export type ConsumerLagSource = () => ConsumerLagReading[] | Promise<ConsumerLagReading[]>;

/** Stage work is milliseconds to seconds; LLM-backed stages reach tens of seconds. */
const STAGE_DURATION_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000];

/** A run normally completes within seconds, but a backlog or a posting dated hours earlier stretches it. */
const RUN_LATENCY_BUCKETS_MS = [
  100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000, 21_600_000, 86_400_000,
];

/**
 * The pipeline's throughput, failure, latency and lag instruments. Without a configured meter provider
 * (no OTLP endpoint) every instrument is a no-op, so callers never need to check.
 */
export class PipelineMetrics {
  private readonly processed: Counter;
  private readonly failures: Counter;
  private readonly deadLetters: Counter;
  private readonly runLatency: Histogram;
  private readonly stageDuration: Histogram;
  private readonly consumerLag: ObservableGauge;

  constructor(meter: Meter = metrics.getMeter(METER_NAME)) {
    this.processed = meter.createCounter('jdpipe.messages.processed', {
      description: 'Messages a stage finished handling, by stage and outcome.',
      unit: '{message}',
    });
    this.failures = meter.createCounter('jdpipe.stage.failures', {
      description: 'Failed handling attempts, by stage, error code and whether a retry follows.',
      unit: '{failure}',
    });
    this.deadLetters = meter.createCounter('jdpipe.messages.dead_lettered', {
      description: 'Messages sent to a dead-letter topic, by source topic and error code.',
      unit: '{message}',
    });
    this.runLatency = meter.createHistogram('jdpipe.run.latency', {
      description: "End-to-end latency from the posting's postedAt to run completion.",
      unit: 'ms',
      advice: { explicitBucketBoundaries: RUN_LATENCY_BUCKETS_MS },
    });
    this.stageDuration = meter.createHistogram('jdpipe.stage.duration', {
      description: 'Time a stage spent handling one message.',
      unit: 'ms',
      advice: { explicitBucketBoundaries: STAGE_DURATION_BUCKETS_MS },
    });
    this.consumerLag = meter.createObservableGauge('jdpipe.consumer.lag', {
      description: 'Messages not yet consumed by a stage, per topic partition.',
      unit: '{message}',
    });
  }

  recordProcessed(stage: string, outcome: ProcessingOutcome): void {
    this.processed.add(1, { [JdpipeAttribute.stage]: stage, [JdpipeAttribute.outcome]: outcome });
  }

  /** `errorCode` is the stable `AREA.REASON` code, never a free-form message (it becomes a metric dimension). */
  recordFailure(stage: string, errorCode: string, retriable: boolean): void {
    this.failures.add(1, {
      [JdpipeAttribute.stage]: stage,
      [ERROR_TYPE_ATTRIBUTE]: errorCode,
      [JdpipeAttribute.retriable]: retriable,
    });
  }

  /** `topic` is the topic the message was consumed from, not its `.dlq` sibling. */
  recordDeadLetter(topic: string, errorCode: string): void {
    this.deadLetters.add(1, { [MessagingAttribute.destinationName]: topic, [ERROR_TYPE_ATTRIBUTE]: errorCode });
  }

  recordStageDuration(stage: string, durationMs: number, outcome: ProcessingOutcome): void {
    this.stageDuration.record(durationMs, { [JdpipeAttribute.stage]: stage, [JdpipeAttribute.outcome]: outcome });
  }

  /**
   * Records the latency from `postedAt` to `completedAt` and returns it in milliseconds. An unparseable
   * `postedAt` records nothing (returns undefined); clock skew that puts it in the future records 0.
   */
  recordRunCompleted(postedAt: Date | string, completedAt: Date = new Date()): number | undefined {
    const postedMillis = new Date(postedAt).getTime();
    if (Number.isNaN(postedMillis)) return undefined;
    const latencyMs = Math.max(0, completedAt.getTime() - postedMillis);
    this.runLatency.record(latencyMs);
    return latencyMs;
  }

  /**
   * Feeds the consumer-lag gauge from `readLag`, called at each collection. Returns a function that
   * stops observing (call it when the consumer shuts down).
   */
  observeConsumerLag(readLag: ConsumerLagSource): () => void {
    const observe = async (result: ObservableResult) => {
      for (const reading of await readLag()) {
        result.observe(reading.lag, {
          [JdpipeAttribute.stage]: reading.stage,
          [MessagingAttribute.destinationName]: reading.topic,
          ...(reading.partition === undefined ? {} : { [MessagingAttribute.partitionId]: String(reading.partition) }),
        });
      }
    };
    this.consumerLag.addCallback(observe);
    return () => this.consumerLag.removeCallback(observe);
  }
}
