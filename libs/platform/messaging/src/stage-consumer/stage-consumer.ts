import { decodeEvent } from '@jdpipe/contracts';

import type { BusMessage, EventBus, OutgoingMessage } from '../event-bus/event-bus.port';
import { attemptOf, DEFAULT_RETRY_POLICY, settleFailure, type RetryPolicy } from '../failure-policy/failure-policy';

export interface StageConsumerSpec<TEvent extends object> {
  topic: string;
  /** Consumer group = the app name. */
  group: string;
  eventClass: new () => TEvent;
  /** Handles one valid event and returns what to publish; throwing hands the message to the failure policy. */
  handle(event: TEvent, message: BusMessage): Promise<OutgoingMessage[]>;
  retryPolicy?: RetryPolicy;
  onDeadLetter?(code: string, reason: string, message: BusMessage): void;
}

/**
 * Binds a stage to the bus: decode and validate, handle, publish the results; invalid messages and exhausted
 * retries go to `<topic>.dlq` with the reason, and the stream keeps moving. Transient failures are parked on
 * `<topic>.retry` when the bus supports it, retried here after a sleep otherwise (see settleFailure).
 */
export async function startStageConsumer<TEvent extends object>(bus: EventBus, spec: StageConsumerSpec<TEvent>): Promise<void> {
  const policy = spec.retryPolicy ?? DEFAULT_RETRY_POLICY;
  await bus.subscribe(spec.topic, spec.group, async (message) => {
    let attempt = attemptOf(message);
    for (;;) {
      try {
        const event = decodeEvent(spec.eventClass, message.value);
        const outgoing = await spec.handle(event, message);
        for (const next of outgoing) await bus.publish(next);
        return;
      } catch (error) {
        const outcome = await settleFailure(bus, message, error, attempt, policy, spec.onDeadLetter);
        if (outcome.action !== 'retry-in-place') return;
        await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
        attempt += 1;
      }
    }
  });
}
