import { IN_PROCESS_MESSAGING_SYSTEM } from '@jdpipe/telemetry';

import type { BusMessage, BusMessageHandler, EventBus, OutgoingMessage } from '../event-bus/event-bus.port';

interface Subscription {
  group: string;
  handler: BusMessageHandler;
  /** Per-group queue: like one Kafka partition, messages of a group are handled one at a time, in order. */
  tail: Promise<void>;
}

/**
 * Embedded-mode transport: topics live in memory, each consumer group handles messages in publish order.
 * Messages are serialised to bytes exactly as on Kafka so consumers run the same decoding and validation.
 */
export class InProcessEventBus implements EventBus {
  readonly messagingSystem = IN_PROCESS_MESSAGING_SYSTEM;
  private readonly subscriptions = new Map<string, Subscription[]>();
  private readonly offsets = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  publish(message: OutgoingMessage): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the in-process bus is closed'));
    const offset = this.offsets.get(message.topic) ?? 0;
    this.offsets.set(message.topic, offset + 1);
    const delivered: BusMessage = {
      topic: message.topic,
      partition: 0,
      offset: String(offset),
      key: message.key,
      value: Buffer.isBuffer(message.value) ? message.value : Buffer.from(message.value, 'utf8'),
      headers: { ...(message.headers ?? {}) },
    };
    for (const subscription of this.subscriptions.get(message.topic) ?? []) {
      const handled = subscription.tail.then(() => subscription.handler(delivered));
      // A failing handler must not stall its group: the failure policy in the handler deals with errors.
      subscription.tail = handled.catch(() => undefined);
      this.track(subscription.tail);
    }
    return Promise.resolve();
  }

  subscribe(topic: string, group: string, handler: BusMessageHandler): Promise<void> {
    const list = this.subscriptions.get(topic) ?? [];
    if (list.some((s) => s.group === group)) {
      return Promise.reject(new Error(`group ${group} already consumes ${topic}`));
    }
    list.push({ group, handler, tail: Promise.resolve() });
    this.subscriptions.set(topic, list);
    return Promise.resolve();
  }

  async drain(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.all([...this.inFlight]);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
}
