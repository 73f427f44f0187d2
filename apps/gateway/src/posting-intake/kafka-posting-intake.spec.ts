import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { GatewayTimeoutException } from '@nestjs/common';

import { TOPICS, type RunDocument } from '@jdpipe/contracts';
import type { EventBus, OutgoingMessage } from '@jdpipe/messaging';
import { aRunDocument } from '@jdpipe/testing';

import { KafkaPostingIntake } from './kafka-posting-intake';

function recordingBus(): EventBus & { published: OutgoingMessage[] } {
  const published: OutgoingMessage[] = [];
  return {
    messagingSystem: 'test',
    published,
    publish: (message) => {
      published.push(message);
      return Promise.resolve();
    },
    subscribe: () => Promise.resolve(),
    drain: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

const posting = { postingId: 'ats-1', title: 'Data Analyst', description: 'SQL and Python, every day.' };

describe('KafkaPostingIntake', () => {
  test('publishes one jobs.posted.v1 per posting, keyed by posting id, with the same run id for the same posting', async () => {
    const bus = recordingBus();
    const intake = new KafkaPostingIntake(bus, { getRun: () => Promise.resolve(null) }, { producer: 'gateway', runWaitMs: 0 });
    const first = await intake.submit([posting, { description: 'Another posting text.' }]);
    const again = await intake.submit([posting]);
    assert.equal(bus.published.length, 3);
    assert.ok(bus.published.every((message) => message.topic === TOPICS.jobPosted));
    assert.equal(bus.published[0]!.key, 'ats-1');
    assert.equal(first[0]!.postingId, 'ats-1');
    assert.equal(again[0]!.runId, first[0]!.runId);
    assert.notEqual(first[1]!.runId, first[0]!.runId);
    assert.equal(JSON.parse(String(bus.published[0]!.value)).runId, first[0]!.runId);
  });

  test('runAndWait answers with the run once the persister has stored it', async () => {
    let polls = 0;
    let publishedRunId = '';
    const bus = recordingBus();
    const runs = {
      getRun: (runId: string): Promise<RunDocument | null> => {
        publishedRunId = runId;
        polls += 1;
        return Promise.resolve(polls < 3 ? null : { ...aRunDocument(), runId });
      },
    };
    const intake = new KafkaPostingIntake(bus, runs, { producer: 'gateway', runWaitMs: 60_000, pollIntervalMs: 1 });
    const run = await intake.runAndWait(posting);
    assert.equal(run.runId, publishedRunId);
    assert.equal(polls, 3);
    assert.equal(bus.published.length, 1);
  });

  test('runAndWait gives up with 504 when the run does not come in time', async () => {
    const intake = new KafkaPostingIntake(
      recordingBus(),
      { getRun: () => Promise.resolve(null) },
      { producer: 'gateway', runWaitMs: 5, pollIntervalMs: 1 },
    );
    await assert.rejects(
      intake.runAndWait(posting),
      (error: unknown) => error instanceof GatewayTimeoutException && error.getStatus() === 504,
    );
  });
});
