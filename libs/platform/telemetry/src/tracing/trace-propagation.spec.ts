import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import { SpanKind, SpanStatusCode } from '@opentelemetry/api';

import { startTestTelemetry, type TestTelemetry } from '../setup/start-test-telemetry';
import { currentRunId, withRunContext } from './run-baggage';
import { consumedMessageAttributes, KAFKA_MESSAGING_SYSTEM, messagingSpanName, publishedMessageAttributes } from './span-attributes';
import { currentSpanId, currentTraceId, injectTraceHeaders, withConsumedMessageSpan, withPublishedMessageSpan, withSpan } from './spans';

class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

describe('trace propagation over message headers', () => {
  let telemetry: TestTelemetry;
  before(() => {
    telemetry = startTestTelemetry();
  });
  afterEach(() => telemetry.clearSpans());
  after(() => telemetry.reset());

  function spanNamed(name: string) {
    const span = telemetry.finishedSpans().find((candidate) => candidate.name === name);
    assert.ok(span, `no finished span named ${name}`);
    return span;
  }

  it('makes the consumer span a child of the span that injected the headers', async () => {
    const headers: Record<string, string> = {};
    await withSpan('parse posting', {}, () => {
      injectTraceHeaders(headers);
    });
    // Consumed later, from another async chain: only the headers connect the two.
    await withConsumedMessageSpan(headers, 'process jobs.parsed.v1', {}, () => undefined);

    const producer = spanNamed('parse posting');
    const consumer = spanNamed('process jobs.parsed.v1');
    assert.match(headers.traceparent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    assert.equal(consumer.spanContext().traceId, producer.spanContext().traceId);
    assert.equal(consumer.parentSpanContext?.spanId, producer.spanContext().spanId);
    assert.equal(consumer.kind, SpanKind.CONSUMER);
  });

  it('chains producer and consumer spans across stages into one trace', async () => {
    const postedHeaders: Record<string, string> = {};
    await withPublishedMessageSpan(postedHeaders, messagingSpanName('send', 'jobs.posted.v1'), {}, () => undefined);
    const parsedHeaders: Record<string, string> = {};
    await withConsumedMessageSpan(postedHeaders, 'process jobs.posted.v1', {}, () =>
      withPublishedMessageSpan(parsedHeaders, 'send jobs.parsed.v1', {}, () => undefined),
    );
    await withConsumedMessageSpan(parsedHeaders, 'process jobs.parsed.v1', {}, () => undefined);

    const send = spanNamed('send jobs.posted.v1');
    const firstConsumer = spanNamed('process jobs.posted.v1');
    const secondSend = spanNamed('send jobs.parsed.v1');
    const secondConsumer = spanNamed('process jobs.parsed.v1');
    assert.equal(send.kind, SpanKind.PRODUCER);
    assert.equal(send.parentSpanContext, undefined);
    assert.equal(firstConsumer.parentSpanContext?.spanId, send.spanContext().spanId);
    assert.equal(secondSend.parentSpanContext?.spanId, firstConsumer.spanContext().spanId);
    assert.equal(secondConsumer.parentSpanContext?.spanId, secondSend.spanContext().spanId);
    const traceIds = new Set(telemetry.finishedSpans().map((span) => span.spanContext().traceId));
    assert.equal(traceIds.size, 1);
  });

  it('ignores the context the consumer loop runs in and starts a new trace when headers carry none', async () => {
    await withSpan('consumer loop', {}, () => withConsumedMessageSpan({}, 'process jobs.posted.v1', {}, () => undefined));
    const loop = spanNamed('consumer loop');
    const consumer = spanNamed('process jobs.posted.v1');
    assert.equal(consumer.parentSpanContext, undefined);
    assert.notEqual(consumer.spanContext().traceId, loop.spanContext().traceId);
  });

  it('records a failing handler on the consumer span and rethrows the same error', async () => {
    const failure = new CodedError('PARSE.NOT_A_JD', 'the text is a cover letter');
    await assert.rejects(
      withConsumedMessageSpan({}, 'process jobs.posted.v1', {}, () => Promise.reject(failure)),
      (thrown) => thrown === failure,
    );
    const consumer = spanNamed('process jobs.posted.v1');
    assert.equal(consumer.status.code, SpanStatusCode.ERROR);
    assert.equal(consumer.status.message, 'the text is a cover letter');
    assert.equal(consumer.attributes['error.type'], 'PARSE.NOT_A_JD');
    const exception = consumer.events.find((event) => event.name === 'exception');
    assert.equal(exception?.attributes?.['exception.message'], 'the text is a cover letter');
    assert.equal(exception?.attributes?.['exception.type'], 'PARSE.NOT_A_JD');
    assert.ok(consumer.ended);
  });

  it('records a thrown non-Error value with its class-less description', async () => {
    await assert.rejects(
      withSpan('persist run', {}, () => {
        throw 'connection reset';
      }),
    );
    const span = spanNamed('persist run');
    assert.equal(span.status.code, SpanStatusCode.ERROR);
    assert.equal(span.status.message, 'connection reset');
    assert.equal(span.attributes['error.type'], 'Error');
  });

  it('leaves the status unset when the handler succeeds and returns its result', async () => {
    const result = await withConsumedMessageSpan({}, 'process roles.decided.v1', {}, () => Promise.resolve(42));
    assert.equal(result, 42);
    assert.equal(spanNamed('process roles.decided.v1').status.code, SpanStatusCode.UNSET);
  });

  it('puts messaging semantic-convention and jdpipe attributes on the spans', async () => {
    const message = {
      system: KAFKA_MESSAGING_SYSTEM,
      topic: 'jobs.parsed.v1',
      key: 'posting-17',
      partition: 3,
      offset: '1024',
      consumerGroup: 'role-matcher',
      eventId: 'evt-1',
      runId: 'run-9',
      postingId: 'posting-17',
      stage: 'role-matcher',
    };
    const headers: Record<string, string> = {};
    await withPublishedMessageSpan(headers, 'send jobs.parsed.v1', publishedMessageAttributes(message), () => undefined);
    await withConsumedMessageSpan(headers, 'process jobs.parsed.v1', consumedMessageAttributes(message), () => undefined);

    assert.deepEqual(spanNamed('process jobs.parsed.v1').attributes, {
      'messaging.system': 'kafka',
      'messaging.destination.name': 'jobs.parsed.v1',
      'messaging.kafka.message.key': 'posting-17',
      'messaging.message.id': 'evt-1',
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.consumer.group.name': 'role-matcher',
      'messaging.destination.partition.id': '3',
      'messaging.kafka.offset': 1024,
      'jdpipe.run_id': 'run-9',
      'jdpipe.posting_id': 'posting-17',
      'jdpipe.stage': 'role-matcher',
    });
    const sendAttributes = spanNamed('send jobs.parsed.v1').attributes;
    assert.equal(sendAttributes['messaging.operation.type'], 'send');
    assert.equal(sendAttributes['messaging.consumer.group.name'], undefined);
  });

  it('carries the run id in baggage from producer to consumer', async () => {
    const headers: Record<string, string> = {};
    await withRunContext({ runId: 'run-42', postingId: 'posting-7' }, () =>
      withSpan('ingest', {}, () => {
        injectTraceHeaders(headers);
      }),
    );
    assert.match(headers.baggage ?? '', /jdpipe\.run_id=run-42/);
    const seenByConsumer = await withConsumedMessageSpan(headers, 'process jobs.posted.v1', {}, () => currentRunId());
    assert.equal(seenByConsumer, 'run-42');
    assert.equal(currentRunId(), undefined);
  });

  it('reports the active trace and span ids, and none outside a span', async () => {
    assert.equal(currentTraceId(), undefined);
    assert.equal(currentSpanId(), undefined);
    const seen = await withSpan('resolve skills', {}, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return { traceId: currentTraceId(), spanId: currentSpanId() };
    });
    const span = spanNamed('resolve skills');
    assert.deepEqual(seen, { traceId: span.spanContext().traceId, spanId: span.spanContext().spanId });
  });

  it('nests internal spans under the active one', async () => {
    await withSpan('persist run', {}, () => withSpan('db transaction', { 'db.system.name': 'postgresql' }, () => undefined));
    const outer = spanNamed('persist run');
    const inner = spanNamed('db transaction');
    assert.equal(inner.parentSpanContext?.spanId, outer.spanContext().spanId);
    assert.equal(inner.kind, SpanKind.INTERNAL);
    assert.equal(inner.attributes['db.system.name'], 'postgresql');
  });
});
