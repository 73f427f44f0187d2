import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { decodeEvent, JobPostedV1 } from '@jdpipe/contracts';

import { newJobPostedEvent, postingIdOf } from './job-posted.factory';

describe('newJobPostedEvent', () => {
  it('builds a valid jobs.posted.v1 event with a fresh run and the producer as default source', () => {
    const event = newJobPostedEvent({ description: 'Hiring a welder in Pune.', title: 'Welder' }, 'gateway', 'offline', new Date('2026-01-02T03:04:05Z'));
    const decoded = decodeEvent(JobPostedV1, JSON.stringify(event));
    assert.equal(decoded.posting.source, 'gateway');
    assert.equal(decoded.postedAt, '2026-01-02T03:04:05.000Z');
    assert.notEqual(event.runId, newJobPostedEvent({ description: 'Hiring a welder in Pune.' }, 'gateway').runId);
  });

  it('keeps a given posting id and otherwise derives one from the text', () => {
    assert.equal(newJobPostedEvent({ postingId: ' ats-42 ', description: 'x' }, 'cli').postingId, 'ats-42');
    assert.equal(newJobPostedEvent({ description: 'same text' }, 'cli').postingId, postingIdOf('same text'));
    assert.notEqual(postingIdOf('same text'), postingIdOf('other text'));
  });
});
