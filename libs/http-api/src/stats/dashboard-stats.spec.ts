import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { PipelineStats, StatsQuery } from '@jdpipe/persistence';

import { DashboardStats } from './dashboard-stats';
import type { DeadLetterCounter, DeadLetterCounts } from './dead-letter-counts.port';

const DATABASE_STATS: PipelineStats = {
  catalogVersion: 4,
  runsPerDay: [{ day: '2026-03-01', completed: 3, rejected: 1, failed: 1 }],
  roleDistribution: [{ roleSlug: 'data-analyst', roleName: 'Data Analyst', runs: 3 }],
  topSkills: [{ skillSlug: 'sql', name: 'SQL', runs: 3 }],
  proposalsPending: { total: 2, byKind: { skill: 2, alias: 0, kra: 0, role: 0 } },
  failures: {
    total: 2,
    byCode: [
      { code: 'PARSE.NOT_A_JD', count: 1 },
      { code: 'EVENT.SCHEMA_VIOLATION', count: 1 },
    ],
  },
};

/** The database side: answers fixed aggregates and remembers the queries it got. */
class FakeStatsStore {
  readonly queries: StatsQuery[] = [];

  stats(query: StatsQuery): Promise<PipelineStats> {
    this.queries.push(query);
    return Promise.resolve(structuredClone(DATABASE_STATS));
  }
}

class FakeDeadLetterCounter implements DeadLetterCounter {
  calls = 0;

  constructor(private readonly outcome: DeadLetterCounts | Error) {}

  count(): Promise<DeadLetterCounts> {
    this.calls += 1;
    return this.outcome instanceof Error ? Promise.reject(this.outcome) : Promise.resolve(this.outcome);
  }
}

const QUERY: StatsQuery = { days: 7, top: 5 };

describe('DashboardStats', () => {
  it('adds the counted dead letters to the database numbers, leaving those as they are', async () => {
    const counts: DeadLetterCounts = {
      total: 3,
      byTopic: [
        { topic: 'jobs.posted.v1.dlq', count: 3 },
        { topic: 'jobs.parsed.v1.dlq', count: 0 },
      ],
    };
    const store = new FakeStatsStore();
    const warnings: string[] = [];
    const stats = new DashboardStats(store, new FakeDeadLetterCounter(counts), (message) => warnings.push(message));

    assert.deepEqual(await stats.read(QUERY), { ...DATABASE_STATS, deadLetters: counts });
    assert.deepEqual(store.queries, [QUERY]);
    assert.deepEqual(warnings, []);
  });

  it('answers deadLetters null and logs a warning naming the cause when the counter fails', async () => {
    const warnings: string[] = [];
    const counter = new FakeDeadLetterCounter(new Error('Connection timeout to 127.0.0.1:9092'));
    const stats = new DashboardStats(new FakeStatsStore(), counter, (message) => warnings.push(message));

    const answer = await stats.read(QUERY);

    assert.equal(answer.deadLetters, null);
    assert.deepEqual(answer.failures, DATABASE_STATS.failures);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /dead letters could not be counted.*Connection timeout to 127\.0\.0\.1:9092/);
  });

  it('leaves deadLetters out when the host has no dead-letter topics', async () => {
    const stats = new DashboardStats(new FakeStatsStore(), null, () => assert.fail('nothing to warn about'));

    const answer = await stats.read(QUERY);

    assert.equal('deadLetters' in answer, false);
    assert.deepEqual(answer, DATABASE_STATS);
  });
});
