import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { type MetricData, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

import { createTracePropagator } from '../tracing/trace-propagator';

/** Collects metrics only when asked, so a test reads exactly what it recorded. */
class OnDemandMetricReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }

  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** In-memory telemetry installed as the process-wide OpenTelemetry globals. */
export interface TestTelemetry {
  readonly spanExporter: InMemorySpanExporter;
  readonly tracerProvider: BasicTracerProvider;
  readonly meterProvider: MeterProvider;
  /** Spans ended so far, oldest first. */
  finishedSpans(): ReadableSpan[];
  /** Every metric recorded so far (cumulative since start). */
  collectMetrics(): Promise<MetricData[]>;
  /** Forgets finished spans; use in `afterEach`. Metrics are cumulative: `reset()` and start again to clear them. */
  clearSpans(): void;
  /** Shuts the providers down and unregisters every global; use in `after`. */
  reset(): Promise<void>;
}

/**
 * Installs an InMemorySpanExporter behind a basic tracer provider, an on-demand metric reader, the W3C
 * propagators and an AsyncLocalStorage context manager, all as OpenTelemetry globals.
 *
 * Isolation: `node --test` runs each spec file in its own process, so nothing leaks between files.
 * Within a file, call `clearSpans()` between tests and `reset()` when done (or before starting again);
 * starting twice without `reset()` throws rather than silently keeping the first provider.
 */
export function startTestTelemetry(): TestTelemetry {
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spanExporter)] });
  const metricReader = new OnDemandMetricReader();
  const meterProvider = new MeterProvider({ readers: [metricReader] });
  const contextManager = new AsyncLocalStorageContextManager().enable();

  const registered = [
    trace.setGlobalTracerProvider(tracerProvider),
    metrics.setGlobalMeterProvider(meterProvider),
    propagation.setGlobalPropagator(createTracePropagator()),
    context.setGlobalContextManager(contextManager),
  ];
  if (registered.includes(false)) {
    unregisterGlobals();
    throw new Error('OpenTelemetry globals were already registered: call reset() before starting test telemetry again.');
  }

  return {
    spanExporter,
    tracerProvider,
    meterProvider,
    finishedSpans: () => spanExporter.getFinishedSpans(),
    async collectMetrics() {
      const { resourceMetrics } = await metricReader.collect();
      return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
    },
    clearSpans: () => spanExporter.reset(),
    async reset() {
      unregisterGlobals();
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
      contextManager.disable();
    },
  };
}

function unregisterGlobals(): void {
  trace.disable();
  metrics.disable();
  propagation.disable();
  context.disable();
}
