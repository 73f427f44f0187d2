import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { APIConnectionTimeoutError, APIError } from 'openai';

import { classifyAttemptFailure, retryAfterFrom, retryDelayMs } from './retry-policy';

const NOW = Date.parse('2026-11-25T12:00:00Z');

function apiError(status: number, body: object, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, body, undefined, new Headers(headers));
}

describe('retryAfterFrom', () => {
  it('reads seconds, fractional seconds, milliseconds and HTTP dates', () => {
    assert.equal(retryAfterFrom(new Headers({ 'retry-after': '3' }), NOW), 3000);
    assert.equal(retryAfterFrom(new Headers({ 'retry-after': '0.5' }), NOW), 500);
    assert.equal(retryAfterFrom(new Headers({ 'retry-after-ms': '750', 'retry-after': '9' }), NOW), 750);
    assert.equal(retryAfterFrom(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 12:00:07 GMT' }), NOW), 7000);
  });

  it('treats a date in the past as no wait, and nonsense as absent', () => {
    assert.equal(retryAfterFrom(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 11:00:00 GMT' }), NOW), 0);
    assert.equal(retryAfterFrom(new Headers({ 'retry-after': 'soon' }), NOW), null);
    assert.equal(retryAfterFrom(new Headers(), NOW), null);
  });
});

describe('retryDelayMs', () => {
  it('doubles the step per retry up to a cap, with jitter inside the upper half of the step', () => {
    assert.equal(
      retryDelayMs(1, null, () => 0),
      250,
    );
    assert.equal(
      retryDelayMs(1, null, () => 1),
      500,
    );
    assert.equal(
      retryDelayMs(3, null, () => 1),
      2000,
    );
    assert.equal(
      retryDelayMs(10, null, () => 1),
      8000,
    );
  });

  it('uses the server-given wait as is', () => {
    assert.equal(
      retryDelayMs(1, 4200, () => 0.9),
      4200,
    );
  });
});

describe('classifyAttemptFailure', () => {
  const cases: Array<[string, unknown, string, boolean]> = [
    ['timeout', new APIConnectionTimeoutError(), 'LLM.TIMEOUT', true],
    ['408', apiError(408, {}), 'LLM.TIMEOUT', true],
    ['409', apiError(409, {}), 'LLM.UNAVAILABLE', true],
    ['429', apiError(429, { error: { message: 'slow down', code: 'rate_limit_exceeded' } }), 'LLM.RATE_LIMITED', true],
    ['500', apiError(500, {}), 'LLM.UNAVAILABLE', true],
    ['503', apiError(503, {}), 'LLM.UNAVAILABLE', true],
    [
      'insufficient_quota',
      apiError(429, { error: { message: 'quota', type: 'insufficient_quota', code: 'insufficient_quota' } }),
      'LLM.QUOTA',
      false,
    ],
    ['401', apiError(401, { error: { message: 'bad key' } }), 'LLM.UNAVAILABLE', false],
    ['400', apiError(400, { error: { message: 'bad schema' } }), 'LLM.UNAVAILABLE', false],
  ];
  for (const [name, error, code, retriable] of cases) {
    it(`${name} → ${code}, ${retriable ? 'retried' : 'not retried'}`, () => {
      const failure = classifyAttemptFailure(error, NOW);

      assert.equal(failure.error.code, code);
      assert.equal(failure.retriable, retriable);
      assert.equal(failure.error.retriable, retriable);
    });
  }

  it('carries the Retry-After of a 429', () => {
    assert.equal(classifyAttemptFailure(apiError(429, {}, { 'retry-after': '2' }), NOW).retryAfterMs, 2000);
  });
});
