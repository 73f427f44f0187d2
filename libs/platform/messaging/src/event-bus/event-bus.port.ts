/** A message as a consumer sees it: Kafka-shaped so both transports share the failure policy. */
export interface BusMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer;
  headers: Record<string, string>;
}

export type BusMessageHandler = (message: BusMessage) => Promise<void>;

export interface OutgoingMessage {
  topic: string;
  key: string;
  value: Buffer | string;
  headers?: Record<string, string>;
}

/** How a subscription reads; the defaults suit a stage's shared consumer group. */
export interface SubscribeOptions {
  /** Whether the group also reads `<topic>.retry` (default true); broadcasts that are never retried say false. */
  readsRetryTopic?: boolean;
  /** Delete the group's committed offsets when the bus closes: for a group named per instance, which no one resumes. */
  deleteGroupOnClose?: boolean;
}

/**
 * The transport the stages run on: the in-process bus in embedded mode, Kafka in the service deployment.
 * Delivery is at-least-once and ordered per key within a consumer group.
 */
export interface EventBus {
  /** `messaging.system` of the spans: `kafka`, or `jdpipe.in_process` for the embedded bus. */
  readonly messagingSystem: string;
  publish(message: OutgoingMessage): Promise<void>;
  /** Registers a handler; a group receives each message once, groups each get their own copy. */
  subscribe(topic: string, group: string, handler: BusMessageHandler, options?: SubscribeOptions): Promise<void>;
  /**
   * Optional capability: publishes a retry copy (built by the failure policy, addressed to `<topic>.retry`
   * with its due time) that the bus hands to the same handler once due. Without it, the stage consumer
   * retries in place after a sleep, which is fine in memory but would stall a Kafka partition.
   */
  retryLater?(retry: OutgoingMessage): Promise<void>;
  /** Resolves when every message published so far has been handled (embedded mode, tests). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_BUS = Symbol('EVENT_BUS');
