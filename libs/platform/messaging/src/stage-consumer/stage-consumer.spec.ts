import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';

import { HEADERS, JobPostedV1, PipelineError } from '@jdpipe/contracts';

import type { BusMessage } from '../event-bus/event-bus.port';
import { eventMessage } from '../event-bus/event-message';
import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { startStageConsumer } from './stage-consumer';

const TOPIC = 'jobs.posted.v1';
const noDelay = { maxAttempts: 3, backoffMs: () => 1 };

function validPosting(description = 'We are hiring a nurse.'): JobPostedV1 {
  return {
    eventId: randomUUID(),
    runId: randomUUID(),
    postingId: 'posting-1',
    schemaVersion: '1.0',
    occurredAt: new Date().toISOString(),
    producer: 'test',
    posting: { description },
  };
}

async function collect(bus: InProcessEventBus, topic: string): Promise<BusMessage[]> {
  const seen: BusMessage[] = [];
  await bus.subscribe(topic, 'observer', (message) => {
    seen.push(message);
    return Promise.resolve();
  });
  return seen;
}

describe('startStageConsumer', () => {
  it('handles a valid event and publishes what the handler returns, keyed by posting id', async () => {
    const bus = new InProcessEventBus();
    const out = await collect(bus, 'next.topic');
    await startStageConsumer(bus, {
      topic: TOPIC,
      group: 'stage',
      eventClass: JobPostedV1,
      handle: (event) => Promise.resolve([eventMessage('next.topic', event)]),
    });
    await bus.publish(eventMessage(TOPIC, validPosting()));
    await bus.drain();
    assert.equal(out.length, 1);
    assert.equal(out[0]!.key, 'posting-1');
  });

  it('dead-letters invalid JSON and schema violations with the reason and original bytes, and keeps flowing', async () => {
    const bus = new InProcessEventBus();
    const dlq = await collect(bus, `${TOPIC}.dlq`);
    const handled: string[] = [];
    await startStageConsumer(bus, {
      topic: TOPIC,
      group: 'stage',
      eventClass: JobPostedV1,
      handle: (event) => {
        handled.push(event.posting.description);
        return Promise.resolve([]);
      },
    });
    await bus.publish({ topic: TOPIC, key: 'k', value: '{not json' });
    await bus.publish({ topic: TOPIC, key: 'k', value: JSON.stringify({ ...validPosting(), runId: 'not-a-uuid' }) });
    await bus.publish(eventMessage(TOPIC, validPosting('after the bad ones')));
    await bus.drain();

    assert.deepEqual(
      dlq.map((m) => m.headers[HEADERS.errorCode]),
      ['EVENT.INVALID_JSON', 'EVENT.SCHEMA_VIOLATION'],
    );
    assert.equal(dlq[0]!.value.toString(), '{not json');
    assert.match(dlq[1]!.headers[HEADERS.errorReason]!, /runId/);
    assert.equal(dlq[1]!.headers[HEADERS.originalTopic], TOPIC);
    assert.deepEqual(handled, ['after the bad ones']);
  });

  it('retries a transient failure and succeeds without dead-lettering', async () => {
    const bus = new InProcessEventBus();
    const dlq = await collect(bus, `${TOPIC}.dlq`);
    let calls = 0;
    await startStageConsumer(bus, {
      topic: TOPIC,
      group: 'stage',
      eventClass: JobPostedV1,
      retryPolicy: noDelay,
      handle: () => {
        calls += 1;
        if (calls < 3) throw new PipelineError('DB.UNAVAILABLE', 'connection refused');
        return Promise.resolve([]);
      },
    });
    await bus.publish(eventMessage(TOPIC, validPosting()));
    await bus.drain();
    assert.equal(calls, 3);
    assert.equal(dlq.length, 0);
  });

  it('dead-letters after the last attempt of a transient failure, counting attempts', async () => {
    const bus = new InProcessEventBus();
    const dlq = await collect(bus, `${TOPIC}.dlq`);
    let calls = 0;
    await startStageConsumer(bus, {
      topic: TOPIC,
      group: 'stage',
      eventClass: JobPostedV1,
      retryPolicy: noDelay,
      handle: () => {
        calls += 1;
        throw new PipelineError('DB.UNAVAILABLE', 'connection refused');
      },
    });
    await bus.publish(eventMessage(TOPIC, validPosting()));
    await bus.drain();
    assert.equal(calls, 3);
    assert.equal(dlq.length, 1);
    assert.equal(dlq[0]!.headers[HEADERS.attempt], '3');
    assert.match(dlq[0]!.headers[HEADERS.errorReason]!, /gave up after 3 attempts/);
  });

  it('does not retry an unexpected error: it is dead-lettered at once as STAGE.FAILED, and logged', async () => {
    const bus = new InProcessEventBus();
    const dlq = await collect(bus, `${TOPIC}.dlq`);
    const lines: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> = [];
    const log = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push({ level, msg, fields });
    let calls = 0;
    await startStageConsumer(bus, {
      topic: TOPIC,
      group: 'stage',
      eventClass: JobPostedV1,
      retryPolicy: noDelay,
      log: { info: log('info'), warn: log('warn'), error: log('error') },
      handle: () => {
        calls += 1;
        throw new TypeError('cannot read properties of undefined');
      },
    });
    await bus.publish(eventMessage(TOPIC, validPosting()));
    await bus.drain();
    assert.equal(calls, 1);
    assert.equal(dlq[0]!.headers[HEADERS.errorCode], 'STAGE.FAILED');
    assert.deepEqual(
      lines.map((l) => [l.level, l.msg, l.fields?.code]),
      [['error', 'dead-lettered', 'STAGE.FAILED']],
    );
  });
});
