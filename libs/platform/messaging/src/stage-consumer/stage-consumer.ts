import { decodeEvent } from '@jdpipe/contracts';
import {
  consumedMessageAttributes,
  injectTraceHeaders,
  messagingSpanName,
  PipelineMetrics,
  withConsumedMessageSpan,
  withRunContext,
} from '@jdpipe/telemetry';

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
  /** Structured log of each outcome; services log JSON lines, the embedded CLI keeps stdout for its output. */
  log?: StageLog;
}

/** The log lines a stage writes; trace and run ids come from the active span and baggage. */
export interface StageLog {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

// Created on first use, after telemetry has registered its meter provider.
let metrics: PipelineMetrics | undefined;

/**
 * Binds a stage to the bus: decode and validate, handle, publish the results; invalid messages and exhausted
 * retries go to `<topic>.dlq` with the reason, and the stream keeps moving. Transient failures are parked on
 * `<topic>.retry` when the bus supports it, retried here after a sleep otherwise (see settleFailure).
 * Each message is handled in a consumer span continuing the producer's trace, and what it publishes carries
 * that span on: one run is one trace across every stage and process.
 */
export async function startStageConsumer<TEvent extends object>(bus: EventBus, spec: StageConsumerSpec<TEvent>): Promise<void> {
  const policy = spec.retryPolicy ?? DEFAULT_RETRY_POLICY;
  await bus.subscribe(spec.topic, spec.group, (message) => {
    const attributes = consumedMessageAttributes({
      system: bus.messagingSystem,
      topic: message.topic,
      key: message.key,
      partition: message.partition,
      offset: message.offset,
      consumerGroup: spec.group,
      stage: spec.group,
    });
    return withConsumedMessageSpan(message.headers, messagingSpanName('process', message.topic), attributes, () =>
      handleWithPolicy(bus, spec, policy, message),
    );
  });
}

async function handleWithPolicy<TEvent extends object>(
  bus: EventBus,
  spec: StageConsumerSpec<TEvent>,
  policy: RetryPolicy,
  message: BusMessage,
): Promise<void> {
  metrics ??= new PipelineMetrics();
  let attempt = attemptOf(message);
  for (;;) {
    const started = performance.now();
    let identity: { runId?: string; postingId?: string } = {};
    try {
      const event = decodeEvent(spec.eventClass, message.value);
      identity = event as { runId?: string; postingId?: string };
      await withRunContext({ runId: identity.runId ?? '', postingId: identity.postingId ?? '' }, async () => {
        const outgoing = await spec.handle(event, message);
        for (const next of outgoing) await bus.publish({ ...next, headers: injectTraceHeaders({ ...next.headers }) });
      });
      const durationMs = performance.now() - started;
      metrics.recordProcessed(spec.group, 'succeeded');
      metrics.recordStageDuration(spec.group, durationMs, 'succeeded');
      spec.log?.info('handled', { ...where(message), runId: identity.runId, durationMs: Math.round(durationMs * 10) / 10 });
      return;
    } catch (error) {
      const outcome = await settleFailure(bus, message, error, attempt, policy, spec.onDeadLetter);
      const code = (error as { code?: string }).code ?? 'STAGE.FAILED';
      metrics.recordFailure(spec.group, code, outcome.action !== 'dead-lettered');
      if (outcome.action === 'dead-lettered') {
        metrics.recordProcessed(spec.group, 'dead_lettered');
        metrics.recordDeadLetter(spec.topic, outcome.code);
        spec.log?.error('dead-lettered', { ...where(message), code: outcome.code, reason: outcome.reason, attempt });
      } else {
        spec.log?.warn('failed, will retry', { ...where(message), code, attempt, reason: (error as Error).message });
      }
      if (outcome.action !== 'retry-in-place') return;
      await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
      attempt += 1;
    }
  }
}

function where(message: BusMessage): Record<string, unknown> {
  return { topic: message.topic, partition: message.partition, offset: message.offset, key: message.key };
}
