import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { BOUND_SLACK, roundScore, roundSimilarity, roundToNearest, SIMILARITY_ROUNDING_HEADROOM } from './precision';

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

  it('rounds as Math.round does, midpoints and their neighbouring doubles included', () => {
    const midpoints = Array.from({ length: 4001 }, (_, step) => (step - 1000 + 0.5) / 1000);
    const neighbours = midpoints.flatMap((midpoint) => [midpoint, nextDown(midpoint), nextUp(midpoint)]);
    const awkward = [0.49999999999999994, -0.49999999999999994, -0.5, -1e-9, 1e-9, 2 ** 52 + 1, 2 ** 53 - 1, -(2 ** 52) - 1];
    for (const value of [...samples(50000), ...neighbours, ...awkward]) {
      for (const scale of [1, 1000, 10000]) {
        // Compared with ===: only the sign of a zero may differ, and no score is ever divided by.
        assert.ok(roundToNearest(value, scale) === Math.round(value * scale) / scale, `${value} at ${scale}`);
      }
    }
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

/** The next double below and above `value`: where a midpoint's rounding is most fragile. */
function nextDown(value: number): number {
  return stepBits(value, value > 0 ? -1n : 1n);
}

function nextUp(value: number): number {
  return stepBits(value, value >= 0 ? 1n : -1n);
}

function stepBits(value: number, step: bigint): number {
  if (value === 0) return step > 0n ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) + step);
  return view.getFloat64(0);
}
