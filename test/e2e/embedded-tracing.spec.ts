import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { INestApplicationContext } from '@nestjs/common';

import { EVENT_BUS, type EventBus } from '@jdpipe/messaging';
import { startTestTelemetry, type TestTelemetry } from '@jdpipe/telemetry';

import { startEmbeddedApp } from '../../apps/jdpipe/src/embedded/embedded-app';
import { PostingSubmitter } from '../../apps/jdpipe/src/ingest/posting-submitter';

// The in-process bus carries the same trace headers as Kafka: one run must be one trace across the stages.
describe('embedded pipeline tracing', () => {
  let telemetry: TestTelemetry;
  let app: INestApplicationContext;

  before(async () => {
    telemetry = startTestTelemetry();
    app = await startEmbeddedApp({ dataDir: null, seedDir: null, runTimeoutMs: 30_000 });
  });
  after(async () => {
    await app?.close();
    await telemetry?.reset();
  });

  it('puts every stage and the run transaction of one run in one trace, recorded on the run', async () => {
    const submitter = app.get(PostingSubmitter);
    const description =
      'We are hiring a Payroll Specialist in Leeds. Responsibilities: run monthly payroll for 600 employees, ' +
      'reconcile payroll journals, answer employee pay queries. Requirements: 3+ years of UK payroll experience, ' +
      'Sage 50 Payroll, advanced Excel. Salary £32,000 - £36,000 per annum.';
    telemetry.clearSpans();
    const run = await submitter.submit({ description, postingId: 'trace-check' });
    // The completion reaches the CLI while the persister's span is still open: let every handler finish.
    await app.get<EventBus>(EVENT_BUS).drain();

    const spans = telemetry.finishedSpans();
    const names = spans.map((s) => s.name);
    for (const expected of [
      'send jobs.posted.v1',
      'process jobs.posted.v1',
      'process jobs.parsed.v1',
      'process roles.decided.v1',
      'process skills.resolved.v1',
      'db.transaction save run',
    ]) {
      assert.ok(names.includes(expected), `missing span "${expected}" in ${names.join(', ')}`);
    }
    const runSpans = spans.filter((s) => s.name !== 'process runs.completed.v1');
    const traceIds = new Set(runSpans.map((s) => s.spanContext().traceId));
    assert.equal(traceIds.size, 1, `spans of one run span ${traceIds.size} traces`);
    assert.equal(run.traceId, [...traceIds][0]);

    // Each stage's span is a child of the previous stage's: the chain is unbroken.
    const byName = new Map(spans.map((s) => [s.name, s]));
    const parentOf = (name: string) => byName.get(name)?.parentSpanContext?.spanId;
    assert.equal(parentOf('process jobs.posted.v1'), byName.get('send jobs.posted.v1')?.spanContext().spanId);
    assert.equal(parentOf('process jobs.parsed.v1'), byName.get('process jobs.posted.v1')?.spanContext().spanId);
  });
});
