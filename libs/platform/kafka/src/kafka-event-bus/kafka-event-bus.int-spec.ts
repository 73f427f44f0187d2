import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';

import { HEADERS, JobPostedV1, PipelineError } from '@jdpipe/contracts';
import { eventMessage, startStageConsumer, type BusMessage } from '@jdpipe/messaging';
import { KafkaTestHarness, waitFor } from '@jdpipe/testing';

import { loadKafkaConfig, type KafkaConfig } from '../kafka-config/kafka.config';
import { KafkaEventBus } from './kafka-event-bus';

const TOPIC = 'jobs.posted.v1';
const quickRetries = { maxAttempts: 3, backoffMs: () => 300 };

function posting(postingId: string, description = 'We are hiring a backend engineer.'): JobPostedV1 {
  return {
    eventId: randomUUID(),
    runId: randomUUID(),
    postingId,
    schemaVersion: '1.0',
    occurredAt: new Date().toISOString(),
    producer: 'int-spec',
    posting: { description },
  };
}

function configFor(harness: KafkaTestHarness, overrides: Partial<KafkaConfig> = {}): KafkaConfig {
  const base = loadKafkaConfig({ KAFKA_BROKERS: harness.brokers.join(','), KAFKA_TOPIC_PREFIX: harness.prefix });
  return { ...base, sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1_000, rebalanceTimeoutMs: 15_000, closeGraceMs: 5_000, ...overrides };
}

describe('KafkaEventBus against a real broker', () => {
  const harnesses: KafkaTestHarness[] = [];
  const buses: KafkaEventBus[] = [];
  const kafkaLogLines: string[] = [];

  async function freshTopics(partitions = 1): Promise<KafkaTestHarness> {
    const harness = await KafkaTestHarness.connect();
    harnesses.push(harness);
    await harness.createTopics([TOPIC, 'next.topic.v1'], partitions);
    return harness;
  }

  function busFor(harness: KafkaTestHarness, overrides: Partial<KafkaConfig> = {}): KafkaEventBus {
    const bus = new KafkaEventBus(configFor(harness, overrides), { logSink: (line) => kafkaLogLines.push(line) });
    buses.push(bus);
    return bus;
  }

  after(async () => {
    await Promise.allSettled(buses.map((bus) => bus.close()));
    await Promise.allSettled(harnesses.map((harness) => harness.close()));
  });

  it('delivers each key in publish order across partitions, with headers as strings', async () => {
    const harness = await freshTopics(3);
    const bus = busFor(harness, { partitionsConsumedConcurrently: 3 });
    const seen: BusMessage[] = [];
    await bus.subscribe(TOPIC, 'ordering', (message) => {
      seen.push(message);
      return Promise.resolve();
    });
    const keys = ['posting-a', 'posting-b', 'posting-c', 'posting-d'];
    for (let sequence = 0; sequence < 5; sequence += 1) {
      for (const key of keys) {
        await bus.publish({ topic: TOPIC, key, value: `${key}#${sequence}`, headers: { 'x-sequence': String(sequence) } });
      }
    }
    await waitFor(() => seen.length === 20, { description: '20 messages', timeoutMs: 20_000 });
    await bus.drain();

    for (const key of keys) {
      const ofKey = seen.filter((message) => message.key === key);
      assert.deepEqual(
        ofKey.map((message) => message.value.toString()),
        [0, 1, 2, 3, 4].map((sequence) => `${key}#${sequence}`),
      );
      assert.deepEqual(
        ofKey.map((message) => message.headers['x-sequence']),
        ['0', '1', '2', '3', '4'],
      );
      assert.equal(new Set(ofKey.map((message) => message.partition)).size, 1, `${key} stays on one partition`);
      assert.ok(
        ofKey.every((message) => message.topic === TOPIC),
        'handlers see the logical topic, not the prefixed one',
      );
    }
    assert.ok(new Set(seen.map((message) => message.partition)).size > 1, 'four keys spread over more than one partition');
    const lag = await bus.consumerLag('ordering', [TOPIC]);
    assert.equal(lag.length, 3);
    // A partition no key hashed to has nothing to commit (-1); every other one is committed up to its end.
    assert.ok(
      lag.every(
        (partition) => partition.lag === 0 && (partition.latestOffset === 0 || partition.committedOffset === partition.latestOffset),
      ),
      JSON.stringify(lag),
    );
  });

  it('parks a transient failure on <topic>.retry and succeeds on the third attempt', async () => {
    const harness = await freshTopics();
    const bus = busFor(harness);
    const attempts: string[] = [];
    const handledAt: number[] = [];
    await startStageConsumer(bus, {
      topic: TOPIC,
      group: 'parser',
      eventClass: JobPostedV1,
      retryPolicy: quickRetries,
      handle: (event, message) => {
        attempts.push(message.headers[HEADERS.attempt] ?? '1');
        handledAt.push(Date.now());
        if (attempts.length < 3) throw new PipelineError('DB.UNAVAILABLE', 'connection refused');
        return Promise.resolve([eventMessage('next.topic.v1', event)]);
      },
    });
    const retries = await harness.read(`${TOPIC}.retry`);
    const next = await harness.read('next.topic.v1');
    await bus.publish(eventMessage(TOPIC, posting('posting-retried')));

    await waitFor(() => next.records.length === 1, { description: 'the event after the third attempt' });
    await bus.drain();
    assert.deepEqual(attempts, ['1', '2', '3']);
    assert.equal(next.records[0]!.key, 'posting-retried');
    await waitFor(() => retries.records.length === 2, { description: 'two parked retries' });
    assert.deepEqual(
      retries.records.map((record) => record.headers[HEADERS.attempt]),
      ['2', '3'],
    );
    for (const record of retries.records) {
      assert.equal(record.headers[HEADERS.originalTopic], TOPIC);
      assert.equal(record.headers[HEADERS.originalOffset], '0', 'the origin stays the first delivery');
      assert.ok(!Number.isNaN(Date.parse(record.headers[HEADERS.retryAt]!)));
    }
    // The retry consumer held each message until it was due, not less.
    assert.ok(handledAt[1]! - handledAt[0]! >= 250 && handledAt[2]! - handledAt[1]! >= 250, `gaps ${handledAt.join(',')}`);
    const dlq = await harness.read(`${TOPIC}.dlq`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(dlq.records.length, 0);
  });

  it('dead-letters after the last attempt with the code, reason, origin, attempt and original bytes', async () => {
    const harness = await freshTopics();
    const bus = busFor(harness);
    let calls = 0;
    await startStageConsumer(bus, {
      topic: TOPIC,
      group: 'persister',
      eventClass: JobPostedV1,
      retryPolicy: quickRetries,
      handle: () => {
        calls += 1;
        throw new PipelineError('DB.UNAVAILABLE', 'connection refused');
      },
    });
    const dlq = await harness.read(`${TOPIC}.dlq`);
    const original = eventMessage(TOPIC, posting('posting-doomed'));
    await bus.publish(original);

    const [deadLetter] = await waitFor(() => dlq.records.length > 0 && dlq.records, { description: 'the dead letter' });
    await bus.drain();
    assert.equal(calls, 3);
    assert.equal(dlq.records.length, 1);
    assert.equal(deadLetter!.key, 'posting-doomed');
    assert.equal(deadLetter!.value, original.value);
    assert.equal(deadLetter!.headers[HEADERS.errorCode], 'DB.UNAVAILABLE');
    assert.match(deadLetter!.headers[HEADERS.errorReason]!, /connection refused \(gave up after 3 attempts\)/);
    assert.equal(deadLetter!.headers[HEADERS.originalTopic], TOPIC);
    assert.equal(deadLetter!.headers[HEADERS.originalPartition], '0');
    assert.equal(deadLetter!.headers[HEADERS.originalOffset], '0');
    assert.equal(deadLetter!.headers[HEADERS.attempt], '3');
    assert.equal(deadLetter!.headers[HEADERS.retryAt], undefined);
  });

  it('dead-letters invalid JSON at once and keeps the partition flowing', async () => {
    const harness = await freshTopics();
    const bus = busFor(harness);
    const handled: string[] = [];
    await startStageConsumer(bus, {
      topic: TOPIC,
      group: 'role-matcher',
      eventClass: JobPostedV1,
      retryPolicy: quickRetries,
      handle: (event) => {
        handled.push(event.posting.description);
        return Promise.resolve([]);
      },
    });
    const dlq = await harness.read(`${TOPIC}.dlq`);
    await bus.publish(eventMessage(TOPIC, posting('posting-1', 'before')));
    await bus.publish({ topic: TOPIC, key: 'posting-2', value: '{not json' });
    await bus.publish(eventMessage(TOPIC, posting('posting-3', 'after')));
    await bus.drain();

    assert.deepEqual(handled, ['before', 'after']);
    await waitFor(() => dlq.records.length === 1, { description: 'one dead letter' });
    assert.equal(dlq.records[0]!.value, '{not json');
    assert.equal(dlq.records[0]!.headers[HEADERS.errorCode], 'EVENT.INVALID_JSON');
    assert.equal(dlq.records[0]!.headers[HEADERS.attempt], '1');
    assert.equal(dlq.records[0]!.headers[HEADERS.originalOffset], '1');
    assert.deepEqual(await harness.committedOffsets('role-matcher', TOPIC), [3]);
  });

  it('re-delivers to the next member what a stopped member did not commit, and nothing it committed', async () => {
    const harness = await freshTopics();
    const stuck = busFor(harness, { closeGraceMs: 300 });
    const firstMember: string[] = [];
    await stuck.subscribe(TOPIC, 'skill-resolver', async (message) => {
      firstMember.push(message.value.toString());
      // The third message never finishes: the member is stopped while it is in hand.
      if (message.value.toString() === 'm3') await new Promise(() => undefined);
    });
    for (const value of ['m1', 'm2', 'm3', 'm4', 'm5']) await stuck.publish({ topic: TOPIC, key: 'posting-x', value });
    await waitFor(() => firstMember.includes('m3'), { description: 'm3 in hand' });
    await stuck.close();

    assert.deepEqual(firstMember, ['m1', 'm2', 'm3']);
    assert.deepEqual(await harness.committedOffsets('skill-resolver', TOPIC), [2]);
    const successor = busFor(harness);
    const lagBefore = await successor.consumerLag('skill-resolver', [TOPIC]);
    assert.deepEqual(
      lagBefore.map((partition) => partition.lag),
      [3],
    );

    const secondMember: string[] = [];
    await successor.subscribe(TOPIC, 'skill-resolver', (message) => {
      secondMember.push(message.value.toString());
      return Promise.resolve();
    });
    await successor.drain();
    assert.deepEqual(secondMember, ['m3', 'm4', 'm5']);
    assert.deepEqual(await harness.committedOffsets('skill-resolver', TOPIC), [5]);
  });
});
