import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { resolveTelemetryExport } from './telemetry-export.config';

describe('resolveTelemetryExport', () => {
  it('exports nothing when no endpoint is configured', () => {
    assert.deepEqual(resolveTelemetryExport({}), { consoleSpans: false });
  });

  it('prints spans when JDPIPE_TRACE_CONSOLE=1, even without an endpoint', () => {
    assert.deepEqual(resolveTelemetryExport({ JDPIPE_TRACE_CONSOLE: '1' }), { consoleSpans: true });
  });

  it('appends the signal paths to the base OTLP endpoint', () => {
    const plan = resolveTelemetryExport({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' });
    assert.deepEqual(plan.otlp, {
      tracesUrl: 'http://collector:4318/v1/traces',
      metricsUrl: 'http://collector:4318/v1/metrics',
      metricExportIntervalMillis: 60_000,
    });
  });

  it('uses per-signal endpoints verbatim and reads the metric interval', () => {
    const plan = resolveTelemetryExport({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4318/otlp/traces',
      OTEL_METRIC_EXPORT_INTERVAL: '5000',
    });
    assert.equal(plan.otlp?.tracesUrl, 'http://tempo:4318/otlp/traces');
    assert.equal(plan.otlp?.metricsUrl, 'http://collector:4318/v1/metrics');
    assert.equal(plan.otlp?.metricExportIntervalMillis, 5_000);
  });

  it('refuses a half-configured exporter or a nonsense interval', () => {
    assert.throws(
      () => resolveTelemetryExport({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4318/v1/traces' }),
      /OTEL_EXPORTER_OTLP_METRICS_ENDPOINT/,
    );
    assert.throws(
      () => resolveTelemetryExport({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_METRIC_EXPORT_INTERVAL: 'often' }),
      /OTEL_METRIC_EXPORT_INTERVAL/,
    );
  });
});
