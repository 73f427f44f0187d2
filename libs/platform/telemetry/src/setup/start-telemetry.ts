import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { type IMetricReader, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NoopSpanProcessor,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

import { createTracePropagator } from '../tracing/trace-propagator';
import { SpanFileExporter } from './span-file.exporter';
import { resolveTelemetryExport, type TelemetryExportPlan } from './telemetry-export.config';

export interface TelemetryOptions {
  /** `service.name`: the app, e.g. `parser`, or `jdpipe` for the embedded single process. */
  serviceName: string;
  /** `service.version`; defaults to the npm package version when started through npm, else `unknown`. */
  serviceVersion?: string;
  /** Environment to read the export settings from (see `resolveTelemetryExport`). */
  env?: NodeJS.ProcessEnv;
}

/** Handle on the started SDK. */
export interface RunningTelemetry {
  readonly exportPlan: TelemetryExportPlan;
  /** Flushes pending spans and metrics, then unregisters the global providers. Call once, on exit. */
  shutdown(): Promise<void>;
}

let running: RunningTelemetry | undefined;

/**
 * Starts the OpenTelemetry SDK for this process. Call it before Nest (and anything that creates spans)
 * is loaded: `main.ts` imports a file that calls it first.
 *
 * Spans are always recorded, so trace ids exist for logs and run documents even when nothing is
 * exported. They are exported over OTLP/HTTP when an OTLP endpoint is configured, printed when
 * `JDPIPE_TRACE_CONSOLE=1`, and appended to a file as JSON lines when `JDPIPE_SPAN_FILE` is set (tests only). Metrics exist only with an OTLP endpoint; otherwise instruments are no-ops.
 */
export function startTelemetry(options: TelemetryOptions): RunningTelemetry {
  if (running) {
    throw new Error('Telemetry is already started in this process: start it once, from main.ts.');
  }
  const env = options.env ?? process.env;
  const exportPlan = resolveTelemetryExport(env);
  const spanProcessors = spanProcessorsFor(exportPlan);
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.serviceName,
      [ATTR_SERVICE_VERSION]: options.serviceVersion ?? env.npm_package_version ?? 'unknown',
    }),
    textMapPropagator: createTracePropagator(),
    spanProcessors,
    metricReaders: metricReadersFor(exportPlan),
    // Logs are JSON lines on stdout (see createJsonLogger); the SDK's own log pipeline stays off.
    logRecordProcessors: [],
    instrumentations: [],
  });
  sdk.start();

  const handle: RunningTelemetry = {
    exportPlan,
    async shutdown() {
      if (running !== handle) return;
      running = undefined;
      // A simple processor's export waits for the resource's detected attributes; its shutdown does not wait
      // for such pending exports, so flush first or the last spans of a process are lost.
      await Promise.allSettled(spanProcessors.map((processor) => processor.forceFlush()));
      await sdk.shutdown();
      // Unregistering lets a later start (tests, a restarted embedded pipeline) install fresh providers.
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
  };
  running = handle;
  return handle;
}

function spanProcessorsFor(plan: TelemetryExportPlan): SpanProcessor[] {
  const processors: SpanProcessor[] = [];
  if (plan.otlp) processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: plan.otlp.tracesUrl })));
  if (plan.consoleSpans) processors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
  // Test-only (JDPIPE_SPAN_FILE): each span is written as it ends, so a killed process loses none.
  if (plan.spanFile) processors.push(new SimpleSpanProcessor(new SpanFileExporter(plan.spanFile)));
  // The SDK registers a tracer provider only when it has a processor: keep one so spans carry real ids.
  if (processors.length === 0) processors.push(new NoopSpanProcessor());
  return processors;
}

function metricReadersFor(plan: TelemetryExportPlan): IMetricReader[] {
  if (!plan.otlp) return [];
  return [
    new PeriodicExportingMetricReader({
      exporter: new OTLPMetricExporter({ url: plan.otlp.metricsUrl }),
      exportIntervalMillis: plan.otlp.metricExportIntervalMillis,
      exportTimeoutMillis: Math.min(30_000, plan.otlp.metricExportIntervalMillis),
    }),
  ];
}
