import { appendFileSync } from 'node:fs';

import { type Attributes, SpanKind } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode, hrTimeToMilliseconds } from '@opentelemetry/core';
import { type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** One finished span as a line of the span file. */
export interface SpanFileRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: keyof typeof SpanKind;
  serviceName: string;
  /** Epoch milliseconds, fractional. */
  startTimeMs: number;
  durationMs: number;
  /** `OK`, `ERROR` or `UNSET`. */
  status: string;
  attributes: Attributes;
}

/**
 * Appends every finished span as one JSON line to a file (`JDPIPE_SPAN_FILE`). Meant for the black-box tests of
 * the service deployment, which read the spans of separate processes back without a collector; production
 * exports over OTLP. Writes are synchronous so that a span is on disk once it ended, even if the process is
 * killed right after, and lines from one process never interleave.
 */
export class SpanFileExporter implements SpanExporter {
  constructor(private readonly path: string) {}

  // Spans that end just before shutdown are still written: the SDK may hand them over after shutdown() began.
  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    try {
      const lines = spans.map((span) => JSON.stringify(toSpanFileRecord(span)) + '\n').join('');
      if (lines) appendFileSync(this.path, lines);
      resultCallback({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      resultCallback({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

const STATUS_NAMES = ['UNSET', 'OK', 'ERROR'];

export function toSpanFileRecord(span: ReadableSpan): SpanFileRecord {
  const context = span.spanContext();
  const serviceName = span.resource.attributes[ATTR_SERVICE_NAME];
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    kind: SpanKind[span.kind] as keyof typeof SpanKind,
    serviceName: typeof serviceName === 'string' ? serviceName : 'unknown',
    startTimeMs: hrTimeToMilliseconds(span.startTime),
    durationMs: hrTimeToMilliseconds(span.duration),
    status: STATUS_NAMES[span.status.code] ?? 'UNSET',
    attributes: span.attributes,
  };
}
