import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { SignInThrottle } from './sign-in-throttle';

describe('SignInThrottle', () => {
  test('holds an address back after its limit of refusals until its window ends', () => {
    let now = 0;
    const throttle = new SignInThrottle(3, 60_000, () => now);
    for (let i = 0; i < 3; i += 1) {
      assert.equal(throttle.waitSeconds('10.0.0.1'), 0);
      throttle.recordFailure('10.0.0.1');
      now += 1_000;
    }
    assert.equal(throttle.waitSeconds('10.0.0.1'), 57);
    now = 59_500;
    assert.equal(throttle.waitSeconds('10.0.0.1'), 1);
    now = 60_000;
    assert.equal(throttle.waitSeconds('10.0.0.1'), 0);
  });

  test('counts each address on its own', () => {
    const throttle = new SignInThrottle(1, 60_000, () => 0);
    throttle.recordFailure('10.0.0.1');
    assert.ok(throttle.waitSeconds('10.0.0.1') > 0);
    assert.equal(throttle.waitSeconds('10.0.0.2'), 0);
  });

  test('a refusal after the window ended starts a new count', () => {
    let now = 0;
    const throttle = new SignInThrottle(2, 60_000, () => now);
    throttle.recordFailure('10.0.0.1');
    now = 60_000;
    throttle.recordFailure('10.0.0.1');
    assert.equal(throttle.waitSeconds('10.0.0.1'), 0);
    throttle.recordFailure('10.0.0.1');
    assert.equal(throttle.waitSeconds('10.0.0.1'), 60);
  });
});
