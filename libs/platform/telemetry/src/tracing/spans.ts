import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

import { ERROR_TYPE_ATTRIBUTE } from './span-attributes';

const TRACER_NAME = '@jdpipe/telemetry';

/** Work to run inside a span; it may use the span to add attributes or events. */
export type SpanWork<T> = (span: Span) => Promise<T> | T;

/**
 * Runs `work` in an INTERNAL span, child of the active one: a stage handler, a database transaction, an
 * LLM call. A thrown error is recorded on the span and rethrown unchanged.
 */
export function withSpan<T>(name: string, attributes: Attributes, work: SpanWork<T>): Promise<T> {
  return runInSpan(name, SpanKind.INTERNAL, attributes, context.active(), work);
}

/**
 * Copies the active trace context (and baggage) into message headers, W3C format, and returns them.
 * Call it where a message is built, inside the span the message belongs to.
 */
export function injectTraceHeaders(headers: Record<string, string>): Record<string, string> {
  propagation.inject(context.active(), headers);
  return headers;
}

/**
 * Runs `work` in a PRODUCER span and injects that span's context into `headers` before `work` runs, so
 * the consumer's span becomes its child. `work` is expected to publish the message carrying `headers`.
 */
export function withPublishedMessageSpan<T>(
  headers: Record<string, string>,
  spanName: string,
  attributes: Attributes,
  work: SpanWork<T>,
): Promise<T> {
  return runInSpan(spanName, SpanKind.PRODUCER, attributes, context.active(), (span) => {
    injectTraceHeaders(headers);
    return work(span);
  });
}

/**
 * Runs `work` in a CONSUMER span whose parent is the context carried by the message headers. The context
 * the consumer loop happens to be in is ignored on purpose: a message starts from its producer, and one
 * without trace headers starts a new trace. Baggage from the headers (run id) is active inside `work`.
 */
export function withConsumedMessageSpan<T>(
  headers: Readonly<Record<string, string>>,
  spanName: string,
  attributes: Attributes,
  work: SpanWork<T>,
): Promise<T> {
  const producerContext = propagation.extract(ROOT_CONTEXT, headers);
  return runInSpan(spanName, SpanKind.CONSUMER, attributes, producerContext, work);
}

/** Trace id of the active span, for log lines and the run document; undefined outside any span. */
export function currentTraceId(): string | undefined {
  return activeSpanContext()?.traceId;
}

/** Span id of the active span; undefined outside any span. */
export function currentSpanId(): string | undefined {
  return activeSpanContext()?.spanId;
}

function activeSpanContext() {
  const spanContext = trace.getSpanContext(context.active());
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext : undefined;
}

async function runInSpan<T>(name: string, kind: SpanKind, attributes: Attributes, parent: Context, work: SpanWork<T>): Promise<T> {
  // Looked up per call: tests swap the global provider, and a cached tracer would keep the old one.
  const tracer = trace.getTracer(TRACER_NAME);
  return tracer.startActiveSpan(name, { kind, attributes }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Marks the span failed; `error.type` gets the error's stable code when it has one, else its class name. */
export function recordFailure(span: Span, error: unknown): void {
  const failure = error instanceof Error ? error : new Error(String(error));
  span.recordException(failure);
  span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
  span.setAttribute(ERROR_TYPE_ATTRIBUTE, errorType(failure));
}

function errorType(error: Error): string {
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.length > 0 ? code : error.name;
}
