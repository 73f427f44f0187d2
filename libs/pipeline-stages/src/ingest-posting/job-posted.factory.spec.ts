import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { decodeEvent, JobPostedV1 } from '@jdpipe/contracts';

import { newJobPostedEvent, postingIdOf } from './job-posted.factory';

describe('newJobPostedEvent', () => {
  it('builds a valid jobs.posted.v1 event with a fresh run and the producer as default source', () => {
    const event = newJobPostedEvent({ description: 'Hiring a welder in Pune.', title: 'Welder' }, 'gateway', {
      now: new Date('2026-01-02T03:04:05Z'),
    });
    const decoded = decodeEvent(JobPostedV1, JSON.stringify(event));
    assert.equal(decoded.posting.source, 'gateway');
    assert.equal(decoded.postedAt, '2026-01-02T03:04:05.000Z');
    assert.notEqual(event.runId, newJobPostedEvent({ description: 'Hiring a welder in Pune.' }, 'gateway').runId);
  });

  it('gives the same posting content the same run and event ids when the run is idempotent', () => {
    const posting = { postingId: 'ats-7', title: 'Welder', description: 'Hiring a welder in Pune.' };
    const first = newJobPostedEvent(posting, 'gateway', { idempotentRun: true });
    const again = newJobPostedEvent(posting, 'gateway', { idempotentRun: true });
    const edited = newJobPostedEvent({ ...posting, description: 'Hiring two welders in Pune.' }, 'gateway', { idempotentRun: true });
    assert.equal(first.runId, again.runId);
    assert.equal(first.eventId, again.eventId);
    assert.notEqual(first.runId, edited.runId);
    assert.doesNotThrow(() => decodeEvent(JobPostedV1, JSON.stringify(first)));
  });

  it('keeps a given posting id and otherwise derives one from the text', () => {
    assert.equal(newJobPostedEvent({ postingId: ' ats-42 ', description: 'x' }, 'cli').postingId, 'ats-42');
    assert.equal(newJobPostedEvent({ description: 'same text' }, 'cli').postingId, postingIdOf('same text'));
    assert.notEqual(postingIdOf('same text'), postingIdOf('other text'));
  });
});
