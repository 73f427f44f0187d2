import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { BOUND_SLACK, roundScore, roundSimilarity, SIMILARITY_ROUNDING_HEADROOM } from './precision';

/** Deterministic values in [0, 1), dense enough to land on rounding midpoints and their neighbours. */
function* samples(count: number): Generator<number> {
  let state = 12345;
  for (let index = 0; index < count; index++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield state / 2 ** 31;
  }
  for (let step = 0; step <= 20000; step++) yield step / 20000;
}

describe('precision', () => {
  it('rounds scores to 3 and similarities to 4 decimals', () => {
    assert.equal(roundScore(0.12345), 0.123);
    assert.equal(roundScore(0.1235), 0.124);
    assert.equal(roundSimilarity(0.12345), 0.1235);
    assert.equal(roundSimilarity(0.123449), 0.1234);
  });

  it('never adds more than the headroom to a similarity, slack included', () => {
    for (const value of samples(50000))
      assert.ok(roundSimilarity(value) <= value + SIMILARITY_ROUNDING_HEADROOM + BOUND_SLACK, `${value} → ${roundSimilarity(value)}`);
  });

  it('keeps order: a bound above a value rounds no lower than the value', () => {
    for (const value of samples(50000)) {
      const bound = value + BOUND_SLACK;
      assert.ok(roundScore(bound) >= roundScore(value), `score ${value}`);
      assert.ok(roundSimilarity(bound) >= roundSimilarity(value), `similarity ${value}`);
    }
  });
});
