import { deadLetterTopicOf, HEADERS, PipelineError, retryTopicOf } from '@jdpipe/contracts';

import type { BusMessage, EventBus, OutgoingMessage } from '../event-bus/event-bus.port';

/** Bounded retries for transient failures; everything else is dead-lettered at once. */
export interface RetryPolicy {
  maxAttempts: number;
  /** Delay before attempt n+1 (n starts at 1). */
  backoffMs(attempt: number): number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  backoffMs: (attempt) => Math.min(200 * 2 ** (attempt - 1), 5_000) * (0.75 + Math.random() * 0.5),
};

export type FailureDecision = { action: 'retry'; delayMs: number } | { action: 'dead-letter'; code: string; reason: string };

/** What the consumer does after a failure was settled. */
export type FailureOutcome =
  /** The transport cannot park messages: wait `delayMs` and run the handler again in place. */
  | { action: 'retry-in-place'; delayMs: number }
  /** The message now sits on `<topic>.retry` with its next attempt and due time: this delivery is done. */
  | { action: 'parked-for-retry'; retryAt: Date }
  | { action: 'dead-lettered'; code: string; reason: string };

/** The one place that decides what happens to a message whose handling failed. */
export function decideOnFailure(error: unknown, attempt: number, policy: RetryPolicy): FailureDecision {
  const failure = asPipelineError(error);
  if (failure.retriable && attempt < policy.maxAttempts) {
    return { action: 'retry', delayMs: policy.backoffMs(attempt) };
  }
  const exhausted = failure.retriable ? ` (gave up after ${attempt} attempts)` : '';
  return { action: 'dead-letter', code: failure.code, reason: failure.message + exhausted };
}

/**
 * Decides and carries out the fate of a failed message: a transient failure is parked on `<topic>.retry` when
 * the bus can (so the partition keeps flowing while the message waits) or retried in place otherwise; an
 * invalid message or an exhausted retry goes to `<topic>.dlq`. Publish errors propagate: the delivery is then
 * not acknowledged and comes back.
 */
export async function settleFailure(
  bus: EventBus,
  message: BusMessage,
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  onDeadLetter?: (code: string, reason: string, message: BusMessage) => void,
  now: number = Date.now(),
): Promise<FailureOutcome> {
  const decision = decideOnFailure(error, attempt, policy);
  if (decision.action === 'retry') {
    if (!bus.retryLater) return { action: 'retry-in-place', delayMs: decision.delayMs };
    const retryAt = retryAtOf(now, decision.delayMs);
    await bus.retryLater(retryMessageOf(message, attempt + 1, retryAt));
    return { action: 'parked-for-retry', retryAt };
  }
  onDeadLetter?.(decision.code, decision.reason, message);
  await bus.publish(deadLetterOf(message, decision.code, decision.reason, attempt));
  return { action: 'dead-lettered', code: decision.code, reason: decision.reason };
}

export function asPipelineError(error: unknown): PipelineError {
  if (error instanceof PipelineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PipelineError('STAGE.FAILED', message, { cause: error });
}

/** The attempt a delivery represents: our own header, 1 when absent or garbled. */
export function attemptOf(message: BusMessage): number {
  const attempt = Number(message.headers[HEADERS.attempt] ?? '1');
  return Number.isInteger(attempt) && attempt >= 1 ? attempt : 1;
}

export function retryAtOf(now: number, delayMs: number): Date {
  return new Date(now + Math.max(0, Math.round(delayMs)));
}

/** Milliseconds until a parked message is due; 0 when due, when it has no due time, or when that is garbled. */
export function delayUntilDue(message: BusMessage, now: number = Date.now()): number {
  const retryAt = Date.parse(message.headers[HEADERS.retryAt] ?? '');
  return Number.isNaN(retryAt) ? 0 : Math.max(0, retryAt - now);
}

/** The topic a message belongs to, whether it arrived there directly or through `<topic>.retry`. */
export function sourceTopicOf(message: BusMessage): string {
  const retrySuffix = retryTopicOf('');
  return message.topic.endsWith(retrySuffix) ? message.topic.slice(0, -retrySuffix.length) : message.topic;
}

/**
 * Where a message was first consumed. A retried message keeps the origin of its first delivery in headers;
 * those headers are trusted only on a retry topic, so a replayed dead letter cannot claim a stale origin.
 */
export function originOf(message: BusMessage): { topic: string; partition: string; offset: string } {
  const cameThroughRetry = sourceTopicOf(message) !== message.topic;
  const { originalTopic, originalPartition, originalOffset } = HEADERS;
  if (cameThroughRetry && message.headers[originalTopic] && message.headers[originalPartition] && message.headers[originalOffset]) {
    return {
      topic: message.headers[originalTopic],
      partition: message.headers[originalPartition],
      offset: message.headers[originalOffset],
    };
  }
  return { topic: message.topic, partition: String(message.partition), offset: message.offset };
}

/** The copy parked on `<topic>.retry`: the original bytes and key, the next attempt, when it is due, where it came from. */
export function retryMessageOf(message: BusMessage, nextAttempt: number, retryAt: Date): OutgoingMessage {
  const origin = originOf(message);
  return {
    topic: retryTopicOf(sourceTopicOf(message)),
    key: message.key ?? '',
    value: message.value,
    headers: {
      ...message.headers,
      [HEADERS.attempt]: String(nextAttempt),
      [HEADERS.retryAt]: retryAt.toISOString(),
      [HEADERS.originalTopic]: origin.topic,
      [HEADERS.originalPartition]: origin.partition,
      [HEADERS.originalOffset]: origin.offset,
    },
  };
}

/** The dead-letter copy of a message: original bytes and key, the reason and origin in headers. */
export function deadLetterOf(message: BusMessage, code: string, reason: string, attempt: number): OutgoingMessage {
  const origin = originOf(message);
  const headers = { ...message.headers };
  delete headers[HEADERS.retryAt];
  return {
    topic: deadLetterTopicOf(sourceTopicOf(message)),
    key: message.key ?? '',
    value: message.value,
    headers: {
      ...headers,
      [HEADERS.errorCode]: code,
      [HEADERS.errorReason]: reason.slice(0, 2_000),
      [HEADERS.originalTopic]: origin.topic,
      [HEADERS.originalPartition]: origin.partition,
      [HEADERS.originalOffset]: origin.offset,
      [HEADERS.attempt]: String(attempt),
    },
  };
}
