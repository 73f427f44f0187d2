import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';

import { JobPostedV1 } from '../job-posted/job-posted.v1.event';
import { MAX_EVENT_BYTES } from '../topics/topics';
import { decodeEvent } from './decode-event';

const valid = () => ({
  eventId: randomUUID(),
  runId: randomUUID(),
  postingId: 'p-1',
  schemaVersion: '1.0',
  occurredAt: '2026-11-25T10:00:00.000Z',
  producer: 'gateway',
  posting: { title: 'Nurse', description: 'We are hiring.' },
});

describe('decodeEvent', () => {
  it('returns a validated class instance for a valid body', () => {
    const event = decodeEvent(JobPostedV1, Buffer.from(JSON.stringify(valid())));
    assert.ok(event instanceof JobPostedV1);
    assert.equal(event.posting.title, 'Nurse');
  });

  it('names every failing field path, nested ones included', () => {
    const body = JSON.stringify({ ...valid(), runId: 'nope', posting: { description: 42 } });
    assert.throws(
      () => decodeEvent(JobPostedV1, body),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'EVENT.SCHEMA_VIOLATION');
        assert.match(error.message, /runId: runId must be a UUID/);
        assert.match(error.message, /posting\.description: description must be a string/);
        return true;
      },
    );
  });

  it('refuses non-JSON, non-objects, unknown schema versions and oversized bodies with their own codes', () => {
    const codeOf = (body: string) => {
      try {
        decodeEvent(JobPostedV1, body);
        return 'accepted';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    assert.equal(codeOf('{"unterminated'), 'EVENT.INVALID_JSON');
    assert.equal(codeOf('[1,2]'), 'EVENT.SCHEMA_VIOLATION');
    assert.equal(codeOf(JSON.stringify({ ...valid(), schemaVersion: '2.0' })), 'EVENT.SCHEMA_VIOLATION');
    assert.equal(codeOf(JSON.stringify({ ...valid(), posting: { description: 'x'.repeat(MAX_EVENT_BYTES) } })), 'EVENT.TOO_LARGE');
  });
});
