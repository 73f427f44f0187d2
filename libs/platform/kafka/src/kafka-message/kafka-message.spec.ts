import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { KafkaNaming, stringHeaders, toBusMessage } from './kafka-message';

describe('stringHeaders', () => {
  it('turns buffers into strings, keeps the last of a repeated header and leaves out empty ones', () => {
    assert.deepEqual(
      stringHeaders({
        'jdpipe-attempt': Buffer.from('2'),
        traceparent: '00-abc-def-01',
        repeated: [Buffer.from('1'), Buffer.from('3')],
        empty: undefined,
      }),
      { 'jdpipe-attempt': '2', traceparent: '00-abc-def-01', repeated: '3' },
    );
    assert.deepEqual(stringHeaders(undefined), {});
  });
});

describe('toBusMessage', () => {
  it('maps a record to the logical topic with a string key, and a tombstone to empty bytes', () => {
    const message = toBusMessage('jobs.posted.v1', 2, {
      key: Buffer.from('posting-1'),
      value: null,
      offset: '41',
      timestamp: '0',
      attributes: 0,
      headers: { 'jdpipe-event-type': Buffer.from('jobs.posted.v1') },
    });
    assert.deepEqual(message, {
      topic: 'jobs.posted.v1',
      partition: 2,
      offset: '41',
      key: 'posting-1',
      value: Buffer.alloc(0),
      headers: { 'jdpipe-event-type': 'jobs.posted.v1' },
    });
  });
});

describe('KafkaNaming', () => {
  it('prefixes topics and groups on the broker and strips the prefix on the way back', () => {
    const naming = new KafkaNaming('ci-7.');
    assert.equal(naming.topic('jobs.posted.v1.retry'), 'ci-7.jobs.posted.v1.retry');
    assert.equal(naming.group('parser'), 'ci-7.parser');
    assert.equal(naming.logicalTopic('ci-7.jobs.posted.v1'), 'jobs.posted.v1');
    assert.equal(new KafkaNaming('').logicalTopic('jobs.posted.v1'), 'jobs.posted.v1');
  });
});
