import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DEFAULT_KAFKA_CONFIG } from '../kafka-config/kafka.config';
import { KafkaDeadLetterCounter, retainedRecords, type TopicOffsetsAdmin } from './kafka-dead-letter-counter';

type Watermarks = Array<{ partition: number; high: string; low: string }>;

/** An admin client over fixed watermarks per physical topic; `failing` makes every offsets request fail. */
class FakeAdmin implements TopicOffsetsAdmin {
  readonly asked: string[] = [];
  connects = 0;
  failing = false;

  constructor(public watermarks: Record<string, Watermarks>) {}

  connect(): Promise<void> {
    this.connects += 1;
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    return Promise.resolve();
  }

  fetchTopicOffsets(topic: string): Promise<Watermarks> {
    this.asked.push(topic);
    if (this.failing) return Promise.reject(new Error('broker unreachable'));
    const offsets = this.watermarks[topic];
    return offsets ? Promise.resolve(offsets) : Promise.reject(new Error(`unknown topic ${topic}`));
  }
}

const config = { ...DEFAULT_KAFKA_CONFIG, topicPrefix: 'ci-7.' };

describe('KafkaDeadLetterCounter', () => {
  it('sums high minus low watermarks over the partitions of each topic’s .dlq sibling, under the prefix', async () => {
    const admin = new FakeAdmin({
      'ci-7.jobs.posted.v1.dlq': [
        { partition: 0, high: '5', low: '2' },
        { partition: 1, high: '4', low: '0' },
      ],
      'ci-7.jobs.parsed.v1.dlq': [{ partition: 0, high: '9', low: '9' }],
    });
    const counter = new KafkaDeadLetterCounter(config, ['jobs.posted.v1', 'jobs.parsed.v1'], { admin });

    assert.deepEqual(await counter.count(), {
      total: 7,
      byTopic: [
        { topic: 'jobs.posted.v1.dlq', count: 7 },
        { topic: 'jobs.parsed.v1.dlq', count: 0 },
      ],
    });
    assert.deepEqual(admin.asked.sort(), ['ci-7.jobs.parsed.v1.dlq', 'ci-7.jobs.posted.v1.dlq']);
  });

  it('reuses an answer within the cache period and asks the broker again after it', async () => {
    let clock = 1_000;
    const admin = new FakeAdmin({ 'ci-7.jobs.posted.v1.dlq': [{ partition: 0, high: '1', low: '0' }] });
    const counter = new KafkaDeadLetterCounter(config, ['jobs.posted.v1'], { admin, cacheMs: 5_000, now: () => clock });

    assert.equal((await counter.count()).total, 1);
    admin.watermarks['ci-7.jobs.posted.v1.dlq'] = [{ partition: 0, high: '3', low: '0' }];
    clock += 4_999;
    assert.equal((await counter.count()).total, 1, 'still the cached answer');
    clock += 1;
    assert.equal((await counter.count()).total, 3);
    assert.equal(admin.asked.length, 2);
    assert.equal(admin.connects, 1, 'one connection serves every count');
  });

  it('rejects while the broker fails, without asking again within the cache period, and recovers after it', async () => {
    let clock = 0;
    const admin = new FakeAdmin({ 'jobs.posted.v1.dlq': [{ partition: 0, high: '2', low: '0' }] });
    admin.failing = true;
    const counter = new KafkaDeadLetterCounter(DEFAULT_KAFKA_CONFIG, ['jobs.posted.v1'], { admin, cacheMs: 1_000, now: () => clock });

    await assert.rejects(counter.count(), /broker unreachable/);
    await assert.rejects(counter.count(), /broker unreachable/);
    assert.equal(admin.asked.length, 1);
    admin.failing = false;
    clock = 1_000;
    assert.equal((await counter.count()).total, 2);
  });

  it('rejects only once every topic’s request has settled, so none runs on behind the failure', async () => {
    let answerSlowTopic: (offsets: Watermarks) => void = () => undefined;
    const admin = new FakeAdmin({});
    const settledRequests: string[] = [];
    admin.fetchTopicOffsets = (topic) => {
      if (topic === 'jobs.posted.v1.dlq') return Promise.reject(new Error('unknown topic jobs.posted.v1.dlq'));
      return new Promise<Watermarks>((resolve) => {
        answerSlowTopic = resolve;
      }).finally(() => settledRequests.push(topic));
    };
    const counter = new KafkaDeadLetterCounter(DEFAULT_KAFKA_CONFIG, ['jobs.posted.v1', 'jobs.parsed.v1'], { admin });

    const counting = counter.count().catch((error: Error) => ({ rejectedAfter: [...settledRequests], error }));
    await new Promise((resolve) => setImmediate(resolve));
    answerSlowTopic([{ partition: 0, high: '1', low: '0' }]);
    const outcome = (await counting) as { rejectedAfter: string[]; error: Error };

    assert.match(outcome.error.message, /unknown topic jobs\.posted\.v1\.dlq/);
    assert.deepEqual(outcome.rejectedAfter, ['jobs.parsed.v1.dlq']);
  });
});

describe('retainedRecords', () => {
  it('counts what retention still keeps, never less than nothing', () => {
    assert.equal(
      retainedRecords([
        { high: '120', low: '100' },
        { high: '3', low: '3' },
      ]),
      20,
    );
    assert.equal(retainedRecords([{ high: '0', low: '4' }]), 0);
    assert.equal(retainedRecords([]), 0);
  });
});
