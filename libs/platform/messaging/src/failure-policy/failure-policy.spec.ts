import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { HEADERS, PipelineError } from '@jdpipe/contracts';

import type { BusMessage, EventBus, OutgoingMessage } from '../event-bus/event-bus.port';
import { attemptOf, deadLetterOf, delayUntilDue, retryAtOf, retryMessageOf, settleFailure } from './failure-policy';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');

function delivered(overrides: Partial<BusMessage> = {}): BusMessage {
  return {
    topic: 'jobs.posted.v1',
    partition: 2,
    offset: '17',
    key: 'posting-1',
    value: Buffer.from('{"postingId":"posting-1"}'),
    headers: { traceparent: '00-trace-span-01' },
    ...overrides,
  };
}

/** A bus that records what it was asked to publish, with or without the retry-topic capability. */
function recordingBus(withRetryTopics: boolean): EventBus & { published: OutgoingMessage[]; parked: OutgoingMessage[] } {
  const published: OutgoingMessage[] = [];
  const parked: OutgoingMessage[] = [];
  return {
    messagingSystem: 'test',
    published,
    parked,
    publish: (message) => Promise.resolve(void published.push(message)),
    ...(withRetryTopics ? { retryLater: (message: OutgoingMessage) => Promise.resolve(void parked.push(message)) } : {}),
    subscribe: () => Promise.resolve(),
    drain: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

describe('retry messages', () => {
  it('parks the original bytes on <topic>.retry with the next attempt, the due time and the first origin', () => {
    const retry = retryMessageOf(delivered(), 2, retryAtOf(NOW, 1_500));
    assert.equal(retry.topic, 'jobs.posted.v1.retry');
    assert.equal(retry.key, 'posting-1');
    assert.equal(retry.value.toString(), '{"postingId":"posting-1"}');
    assert.deepEqual(retry.headers, {
      traceparent: '00-trace-span-01',
      [HEADERS.attempt]: '2',
      [HEADERS.retryAt]: '2025-03-01T12:00:01.500Z',
      [HEADERS.originalTopic]: 'jobs.posted.v1',
      [HEADERS.originalPartition]: '2',
      [HEADERS.originalOffset]: '17',
    });
  });

  it('re-parks a message from the retry topic on the same retry topic, keeping where it was first consumed', () => {
    const first = retryMessageOf(delivered(), 2, retryAtOf(NOW, 100));
    const fromRetryTopic = delivered({ topic: first.topic, partition: 0, offset: '3', headers: first.headers ?? {} });
    const second = retryMessageOf(fromRetryTopic, attemptOf(fromRetryTopic) + 1, retryAtOf(NOW, 200));
    assert.equal(second.topic, 'jobs.posted.v1.retry');
    assert.equal(second.headers?.[HEADERS.attempt], '3');
    assert.equal(second.headers?.[HEADERS.originalPartition], '2');
    assert.equal(second.headers?.[HEADERS.originalOffset], '17');
  });

  it('computes the due time from now plus the backoff, and how long is left until it', () => {
    assert.equal(retryAtOf(NOW, 250.4).getTime(), NOW + 250);
    assert.equal(retryAtOf(NOW, -5).getTime(), NOW);
    const parked = delivered({ headers: { [HEADERS.retryAt]: new Date(NOW + 800).toISOString() } });
    assert.equal(delayUntilDue(parked, NOW), 800);
    assert.equal(delayUntilDue(parked, NOW + 1_000), 0);
    assert.equal(delayUntilDue(delivered({ headers: { [HEADERS.retryAt]: 'soon' } }), NOW), 0);
    assert.equal(delayUntilDue(delivered(), NOW), 0);
  });

  it('reads a missing or garbled attempt header as the first attempt', () => {
    assert.equal(attemptOf(delivered()), 1);
    assert.equal(attemptOf(delivered({ headers: { [HEADERS.attempt]: '0' } })), 1);
    assert.equal(attemptOf(delivered({ headers: { [HEADERS.attempt]: 'x' } })), 1);
    assert.equal(attemptOf(delivered({ headers: { [HEADERS.attempt]: '4' } })), 4);
  });
});

describe('dead letters', () => {
  it('dead-letters a message from the retry topic to <topic>.dlq with its first origin and no due time', () => {
    const parked = retryMessageOf(delivered(), 3, retryAtOf(NOW, 100));
    const fromRetryTopic = delivered({ topic: parked.topic, partition: 0, offset: '9', headers: parked.headers ?? {} });
    const deadLetter = deadLetterOf(fromRetryTopic, 'DB.UNAVAILABLE', 'connection refused', 3);
    assert.equal(deadLetter.topic, 'jobs.posted.v1.dlq');
    assert.equal(deadLetter.headers?.[HEADERS.originalTopic], 'jobs.posted.v1');
    assert.equal(deadLetter.headers?.[HEADERS.originalOffset], '17');
    assert.equal(deadLetter.headers?.[HEADERS.retryAt], undefined);
    assert.equal(deadLetter.headers?.[HEADERS.attempt], '3');
  });

  it('ignores origin headers on a main-topic message, e.g. a dead letter replayed by hand', () => {
    const replayed = delivered({
      headers: { [HEADERS.originalTopic]: 'old.topic', [HEADERS.originalPartition]: '5', [HEADERS.originalOffset]: '1' },
    });
    const deadLetter = deadLetterOf(replayed, 'STAGE.FAILED', 'boom', 1);
    assert.equal(deadLetter.headers?.[HEADERS.originalTopic], 'jobs.posted.v1');
    assert.equal(deadLetter.headers?.[HEADERS.originalOffset], '17');
  });
});

describe('settleFailure', () => {
  const policy = { maxAttempts: 3, backoffMs: (attempt: number) => attempt * 1_000 };
  const transient = new PipelineError('DB.UNAVAILABLE', 'connection refused');

  it('parks a transient failure on the retry topic when the bus can, instead of retrying in place', async () => {
    const bus = recordingBus(true);
    const outcome = await settleFailure(bus, delivered(), transient, 1, policy, undefined, NOW);
    assert.deepEqual(outcome, { action: 'parked-for-retry', retryAt: new Date(NOW + 1_000) });
    assert.equal(bus.parked.length, 1);
    assert.equal(bus.parked[0]!.headers?.[HEADERS.attempt], '2');
    assert.equal(bus.published.length, 0);
  });

  it('asks for an in-place retry on a bus without retry topics', async () => {
    const bus = recordingBus(false);
    assert.deepEqual(await settleFailure(bus, delivered(), transient, 2, policy, undefined, NOW), {
      action: 'retry-in-place',
      delayMs: 2_000,
    });
    assert.equal(bus.published.length, 0);
  });

  it('dead-letters on the last attempt and at once for an invalid message, telling the observer', async () => {
    const bus = recordingBus(true);
    const observed: string[] = [];
    const onDeadLetter = (code: string) => void observed.push(code);
    await settleFailure(bus, delivered(), transient, 3, policy, onDeadLetter, NOW);
    await settleFailure(bus, delivered(), new PipelineError('EVENT.INVALID_JSON', 'body is not JSON'), 1, policy, onDeadLetter, NOW);
    assert.deepEqual(observed, ['DB.UNAVAILABLE', 'EVENT.INVALID_JSON']);
    assert.deepEqual(
      bus.published.map((message) => message.topic),
      ['jobs.posted.v1.dlq', 'jobs.posted.v1.dlq'],
    );
    assert.equal(bus.parked.length, 0);
  });
});
