import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { TokenBuckets } from './token-bucket';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TokenBuckets', () => {
  test('a key may burst its whole minute, then is refused with the wait until the next token', () => {
    const time = clock();
    const buckets = new TokenBuckets(6, time.now);
    const decisions = Array.from({ length: 7 }, () => buckets.take('key-a'));
    assert.deepEqual(
      decisions.slice(0, 6).map((decision) => decision.allowed),
      [true, true, true, true, true, true],
    );
    assert.deepEqual(decisions[5], { allowed: true, remaining: 0 });
    // 6 a minute = one token every 10 s.
    assert.deepEqual(decisions[6], { allowed: false, retryAfterSeconds: 10 });
  });

  test('tokens come back at the steady rate and never beyond the burst', () => {
    const time = clock();
    const buckets = new TokenBuckets(6, time.now);
    for (let i = 0; i < 6; i += 1) buckets.take('key-a');
    time.advance(4_000);
    assert.deepEqual(buckets.take('key-a'), { allowed: false, retryAfterSeconds: 6 });
    time.advance(6_000);
    assert.equal(buckets.take('key-a').allowed, true);
    time.advance(3_600_000);
    assert.deepEqual(buckets.take('key-a'), { allowed: true, remaining: 5 });
  });

  test('keys do not share a bucket', () => {
    const buckets = new TokenBuckets(1, clock().now);
    assert.equal(buckets.take('key-a').allowed, true);
    assert.equal(buckets.take('key-a').allowed, false);
    assert.equal(buckets.take('key-b').allowed, true);
  });

  test('forgetting idle buckets does not reset a key that is still limited', () => {
    const time = clock();
    const buckets = new TokenBuckets(1, time.now, 2);
    buckets.take('busy');
    time.advance(120_000);
    buckets.take('idle-1');
    time.advance(120_000);
    buckets.take('idle-2');
    buckets.take('busy');
    buckets.take('idle-3');
    assert.equal(buckets.take('busy').allowed, false);
  });

  test('refuses a limit that is not a positive whole number', () => {
    assert.throws(() => new TokenBuckets(0), /positive whole number/);
    assert.throws(() => new TokenBuckets(1.5), /positive whole number/);
  });
});
