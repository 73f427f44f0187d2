import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { StatsView } from '../api/api-types.js';
import { failureBars, failuresSubtitle } from './failure-bars.js';

function statsWith(deadLetters: StatsView['deadLetters']): StatsView {
  return {
    catalogVersion: 1,
    runsPerDay: [],
    roleDistribution: [],
    topSkills: [],
    proposalsPending: { total: 0, byKind: { skill: 0, alias: 0, kra: 0, role: 0 } },
    failures: { total: 2, byCode: [{ code: 'PARSE.NOT_A_JD', count: 2 }] },
    ...(deadLetters === undefined ? {} : { deadLetters }),
  };
}

describe('failureBars', () => {
  it('shows the failed runs per code, then each dead-letter topic that holds records', () => {
    const stats = statsWith({
      total: 1_204,
      byTopic: [
        { topic: 'jobs.posted.v1.dlq', count: 1_200 },
        { topic: 'jobs.parsed.v1.dlq', count: 0 },
        { topic: 'roles.decided.v1.dlq', count: 4 },
      ],
    });
    assert.deepEqual(failureBars(stats), [
      { label: 'PARSE.NOT_A_JD', value: 2 },
      { label: 'jobs.posted.v1.dlq', value: 1_200 },
      { label: 'roles.decided.v1.dlq', value: 4 },
    ]);
    assert.equal(failuresSubtitle(stats), 'Rejected and failed runs by code · 1,204 dead letters held in Kafka');
  });

  it('shows the runs alone where there are no dead-letter topics, and says when they could not be counted', () => {
    const embedded = statsWith(undefined);
    const brokerAway = statsWith(null);
    assert.deepEqual(failureBars(embedded), [{ label: 'PARSE.NOT_A_JD', value: 2 }]);
    assert.deepEqual(failureBars(brokerAway), [{ label: 'PARSE.NOT_A_JD', value: 2 }]);
    assert.equal(failuresSubtitle(embedded), 'Rejected and failed runs by code');
    assert.equal(failuresSubtitle(brokerAway), 'Rejected and failed runs by code · dead letters unavailable');
  });
});
