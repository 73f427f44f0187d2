import { deadLetterTopicOf, HEADERS, PipelineError } from '@jdpipe/contracts';

import type { BusMessage, OutgoingMessage } from '../event-bus/event-bus.port';

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

/** The one place that decides what happens to a message whose handling failed. */
export function decideOnFailure(error: unknown, attempt: number, policy: RetryPolicy): FailureDecision {
  const failure = asPipelineError(error);
  if (failure.retriable && attempt < policy.maxAttempts) {
    return { action: 'retry', delayMs: policy.backoffMs(attempt) };
  }
  const exhausted = failure.retriable ? ` (gave up after ${attempt} attempts)` : '';
  return { action: 'dead-letter', code: failure.code, reason: failure.message + exhausted };
}

export function asPipelineError(error: unknown): PipelineError {
  if (error instanceof PipelineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PipelineError('STAGE.FAILED', message, { cause: error });
}

/** The dead-letter copy of a message: original bytes and key, the reason and origin in headers. */
export function deadLetterOf(message: BusMessage, code: string, reason: string, attempt: number): OutgoingMessage {
  return {
    topic: deadLetterTopicOf(message.topic),
    key: message.key ?? '',
    value: message.value,
    headers: {
      ...message.headers,
      [HEADERS.errorCode]: code,
      [HEADERS.errorReason]: reason.slice(0, 2_000),
      [HEADERS.originalTopic]: message.topic,
      [HEADERS.originalPartition]: String(message.partition),
      [HEADERS.originalOffset]: message.offset,
      [HEADERS.attempt]: String(attempt),
    },
  };
}
