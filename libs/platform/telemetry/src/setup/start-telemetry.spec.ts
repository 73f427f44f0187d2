import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { PipelineMetrics } from '../metrics/pipeline-metrics';
import { currentTraceId, injectTraceHeaders, withConsumedMessageSpan, withSpan } from '../tracing/spans';
import { startTelemetry } from './start-telemetry';

interface ReceivedExport {
  path: string;
  body: string;
}

/** A stand-in OTLP/HTTP collector that records what it is sent. */
async function startFakeCollector(): Promise<{ server: Server; endpoint: string; received: ReceivedExport[] }> {
  const received: ReceivedExport[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, endpoint: `http://127.0.0.1:${port}`, received };
}

describe('startTelemetry', () => {
  let collector: Awaited<ReturnType<typeof startFakeCollector>>;
  before(async () => {
    collector = await startFakeCollector();
  });
  after(() => new Promise<void>((resolve) => collector.server.close(() => resolve())));

  it('records spans with real ids and exports nothing when no endpoint is set', async () => {
    const telemetry = startTelemetry({ serviceName: 'parser', env: {} });
    try {
      assert.equal(telemetry.exportPlan.otlp, undefined);
      const traceId = await withSpan('parse posting', {}, () => currentTraceId());
      assert.match(traceId ?? '', /^[0-9a-f]{32}$/);
      assert.notEqual(traceId, '0'.repeat(32));
    } finally {
      await telemetry.shutdown();
    }
    assert.deepEqual(collector.received, []);
  });

  it('refuses to start twice in one process', async () => {
    const telemetry = startTelemetry({ serviceName: 'parser', env: {} });
    try {
      assert.throws(() => startTelemetry({ serviceName: 'parser', env: {} }), /already started/);
    } finally {
      await telemetry.shutdown();
    }
  });

  it('propagates W3C context and exports spans and metrics over OTLP/HTTP with the service resource', async () => {
    const telemetry = startTelemetry({
      serviceName: 'role-matcher',
      serviceVersion: '1.2.3',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint },
    });
    const headers: Record<string, string> = {};
    await withSpan('ingest posting', {}, () => injectTraceHeaders(headers));
    await withConsumedMessageSpan(headers, 'process jobs.parsed.v1', {}, () => undefined);
    new PipelineMetrics().recordProcessed('role-matcher', 'succeeded');
    await telemetry.shutdown();

    const traces = collector.received.filter((request) => request.path === '/v1/traces');
    const exportedMetrics = collector.received.filter((request) => request.path === '/v1/metrics');
    assert.ok(traces.length > 0, 'no trace export received');
    assert.ok(exportedMetrics.length > 0, 'no metric export received');
    const traceBodies = traces.map((request) => request.body).join('\n');
    assert.match(traceBodies, /"service\.name".*?"role-matcher"/);
    assert.match(traceBodies, /"service\.version".*?"1\.2\.3"/);
    assert.match(traceBodies, /process jobs\.parsed\.v1/);
    assert.match(exportedMetrics.map((request) => request.body).join('\n'), /jdpipe\.messages\.processed/);
    assert.match(headers.traceparent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
