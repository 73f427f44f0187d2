import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { currentTraceId, injectTraceHeaders, withConsumedMessageSpan, withSpan } from '../tracing/spans';
import { type SpanFileRecord } from './span-file.exporter';
import { startTelemetry } from './start-telemetry';
import { resolveTelemetryExport } from './telemetry-export.config';

const folder = mkdtempSync(join(tmpdir(), 'jdpipe-span-file-'));

function readSpanFile(path: string): SpanFileRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as SpanFileRecord);
}

describe('JDPIPE_SPAN_FILE', () => {
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('is part of the export plan only when set', () => {
    assert.equal(resolveTelemetryExport({}).spanFile, undefined);
    assert.equal(resolveTelemetryExport({ JDPIPE_SPAN_FILE: '  ' }).spanFile, undefined);
    assert.equal(resolveTelemetryExport({ JDPIPE_SPAN_FILE: '/tmp/spans.jsonl' }).spanFile, '/tmp/spans.jsonl');
  });

  it('appends each finished span as a JSON line with its trace, parent, kind, service and attributes', async () => {
    const path = join(folder, 'parser.spans.jsonl');
    const telemetry = startTelemetry({ serviceName: 'parser', env: { JDPIPE_SPAN_FILE: path } });
    const headers: Record<string, string> = {};
    let producerTraceId: string | undefined;
    try {
      await withSpan('publish posting', { 'jdpipe.run_id': 'run-1' }, () => {
        producerTraceId = currentTraceId();
        injectTraceHeaders(headers);
      });
      await assert.rejects(
        withConsumedMessageSpan(headers, 'process jobs.posted.v1', { 'messaging.system': 'kafka' }, () => {
          throw new Error('handler broke');
        }),
        /handler broke/,
      );
    } finally {
      await telemetry.shutdown();
    }

    const spans = readSpanFile(path);
    assert.deepEqual(
      spans.map((span) => [span.name, span.kind, span.serviceName, span.status]),
      [
        ['publish posting', 'INTERNAL', 'parser', 'UNSET'],
        ['process jobs.posted.v1', 'CONSUMER', 'parser', 'ERROR'],
      ],
    );
    const [published, consumed] = spans;
    assert.match(published!.traceId, /^[0-9a-f]{32}$/);
    assert.equal(published!.traceId, producerTraceId);
    assert.equal(consumed!.traceId, published!.traceId, 'the consumer span continues the trace from the headers');
    assert.equal(consumed!.parentSpanId, published!.spanId);
    assert.equal(published!.parentSpanId, null);
    assert.deepEqual(published!.attributes, { 'jdpipe.run_id': 'run-1' });
    assert.ok(published!.startTimeMs > Date.parse('2020-01-01') && published!.durationMs >= 0);
  });
});
