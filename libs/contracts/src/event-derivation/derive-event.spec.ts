import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { derivedEventId, deriveEvent } from './derive-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deriveEvent', () => {
  it('gives a redelivered upstream event the same downstream id, and each producer its own', () => {
    const upstream = '0f8fad5b-d9cb-469f-a165-70867728950e';
    assert.equal(derivedEventId(upstream, 'parser'), derivedEventId(upstream, 'parser'));
    assert.notEqual(derivedEventId(upstream, 'parser'), derivedEventId(upstream, 'role-matcher'));
    assert.match(derivedEventId(upstream, 'parser'), UUID);
  });

  it('copies the upstream payload forward under a new envelope', () => {
    const upstream = {
      eventId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      runId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      postingId: 'p-1',
      schemaVersion: '1.0' as const,
      occurredAt: '2026-01-01T00:00:00.000Z',
      producer: 'gateway',
      posting: { description: 'text' },
    };
    const derived = deriveEvent(upstream, 'parser', { catalogVersion: 3 }, new Date('2026-02-02T00:00:00Z'));
    assert.equal(derived.runId, upstream.runId);
    assert.deepEqual(derived.posting, upstream.posting);
    assert.equal(derived.catalogVersion, 3);
    assert.equal(derived.producer, 'parser');
    assert.equal(derived.occurredAt, '2026-02-02T00:00:00.000Z');
    assert.notEqual(derived.eventId, upstream.eventId);
  });
});
