/** Where spans and metrics go, decided once from the environment at start-up. */
export interface TelemetryExportPlan {
  /** OTLP/HTTP targets, present when `OTEL_EXPORTER_OTLP_ENDPOINT` (or a per-signal endpoint) is set. */
  otlp?: {
    tracesUrl: string;
    metricsUrl: string;
    metricExportIntervalMillis: number;
  };
  /** `JDPIPE_TRACE_CONSOLE=1`: finished spans are also printed, for local debugging. */
  consoleSpans: boolean;
  /**
   * `JDPIPE_SPAN_FILE`: finished spans are also appended to this file as JSON lines. Used only by the
   * black-box tests of the service deployment, which read the spans of several processes back.
   */
  spanFile?: string;
}

/** The OTel SDK's default collection interval. */
const DEFAULT_METRIC_EXPORT_INTERVAL_MILLIS = 60_000;

/**
 * Reads the standard OTel variables (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`,
 * `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT`, `OTEL_METRIC_EXPORT_INTERVAL`) plus `JDPIPE_TRACE_CONSOLE` and
 * `JDPIPE_SPAN_FILE`.
 * With none of them set nothing leaves the process: the embedded mode must not try to reach a collector.
 */
export function resolveTelemetryExport(env: NodeJS.ProcessEnv): TelemetryExportPlan {
  const consoleSpans = env.JDPIPE_TRACE_CONSOLE === '1' || env.JDPIPE_TRACE_CONSOLE === 'true';
  const spanFile = nonEmpty(env.JDPIPE_SPAN_FILE);
  const local = spanFile ? { consoleSpans, spanFile } : { consoleSpans };
  const baseEndpoint = nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  const tracesEndpoint = nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const metricsEndpoint = nonEmpty(env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT);
  if (!baseEndpoint && !tracesEndpoint && !metricsEndpoint) return local;

  // Per the OTLP spec the base endpoint gets the signal path appended; per-signal endpoints are used as-is.
  const fromBase = (signalPath: string) => (baseEndpoint ? `${baseEndpoint.replace(/\/+$/, '')}/${signalPath}` : undefined);
  const tracesUrl = tracesEndpoint ?? fromBase('v1/traces');
  const metricsUrl = metricsEndpoint ?? fromBase('v1/metrics');
  if (!tracesUrl || !metricsUrl) {
    throw new Error(
      'Telemetry: set OTEL_EXPORTER_OTLP_ENDPOINT, or both OTEL_EXPORTER_OTLP_TRACES_ENDPOINT and OTEL_EXPORTER_OTLP_METRICS_ENDPOINT.',
    );
  }
  return {
    otlp: { tracesUrl, metricsUrl, metricExportIntervalMillis: metricExportInterval(env.OTEL_METRIC_EXPORT_INTERVAL) },
    ...local,
  };
}

function metricExportInterval(raw: string | undefined): number {
  if (nonEmpty(raw) === undefined) return DEFAULT_METRIC_EXPORT_INTERVAL_MILLIS;
  const millis = Number(raw);
  if (!Number.isInteger(millis) || millis <= 0) {
    throw new Error(`Telemetry: OTEL_METRIC_EXPORT_INTERVAL must be a positive number of milliseconds, got "${raw}".`);
  }
  return millis;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
