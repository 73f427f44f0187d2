import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { axisTicks, barLengths, niceCeiling, stackColumns } from './chart-scale.js';

describe('niceCeiling', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    assert.deepEqual([7, 13, 21, 30, 99, 0.3, 1000].map(niceCeiling), [10, 20, 25, 50, 100, 0.5, 1000]);
  });

  it('gives an axis of 1 when there is nothing to show', () => {
    assert.equal(niceCeiling(0), 1);
    assert.equal(niceCeiling(Number.NaN), 1);
  });
});

describe('axisTicks', () => {
  it('spaces ticks evenly from zero to the maximum', () => {
    assert.deepEqual(axisTicks(20), [0, 5, 10, 15, 20]);
    assert.deepEqual(axisTicks(0.5, 2), [0, 0.25, 0.5]);
  });

  it('keeps steps whole when the maximum is a whole count', () => {
    assert.deepEqual(axisTicks(5), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(axisTicks(10), [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(axisTicks(1), [0, 1]);
  });
});

describe('stackColumns', () => {
  const keys = ['completed', 'rejected', 'failed'] as const;

  it('stacks pieces from the bottom in key order, scaled to a round maximum', () => {
    const { max, columns } = stackColumns(
      [
        { label: 'Mon', values: { completed: 6, rejected: 2, failed: 0 } },
        { label: 'Tue', values: { completed: 3, rejected: 0, failed: 1 } },
      ],
      keys,
      { width: 200, height: 100 },
    );
    assert.equal(max, 10);
    assert.deepEqual(columns[0].pieces, [
      { key: 'completed', value: 6, y: 40, height: 60 },
      { key: 'rejected', value: 2, y: 20, height: 20 },
    ]);
    assert.equal(columns[0].total, 8);
    assert.deepEqual(
      columns[1].pieces.map((piece) => [piece.key, piece.y, piece.height]),
      [
        ['completed', 70, 30],
        ['failed', 60, 10],
      ],
    );
  });

  it('gives every column an equal slot across the width, with a gap', () => {
    const { columns } = stackColumns(
      [
        { label: 'a', values: { completed: 1, rejected: 0, failed: 0 } },
        { label: 'b', values: { completed: 1, rejected: 0, failed: 0 } },
      ],
      keys,
      { width: 100, height: 10 },
    );
    assert.deepEqual(
      columns.map((column) => [column.x, column.width]),
      [
        [4, 42],
        [54, 42],
      ],
    );
  });

  it('never draws a negative count', () => {
    const { columns } = stackColumns([{ label: 'x', values: { completed: -3, rejected: 2, failed: 0 } }], keys, { width: 10, height: 10 });
    assert.deepEqual(
      columns[0].pieces.map((piece) => piece.key),
      ['rejected'],
    );
  });
});

describe('barLengths', () => {
  it('scales bars against a round maximum', () => {
    assert.deepEqual(barLengths([40, 10, 0], 200), { max: 50, lengths: [160, 40, 0] });
  });
});
