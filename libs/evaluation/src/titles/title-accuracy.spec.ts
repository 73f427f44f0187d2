import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { scoreTitleRankings } from './title-accuracy';

describe('scoreTitleRankings', () => {
  const catalogLabels = new Set(['software developer', 'sales assistant', 'bookkeeper']);

  it('counts the gold label at rank 1 for top-1 and anywhere in the first k for top-k', () => {
    const accuracy = scoreTitleRankings(
      [
        { label: 'software developer', candidates: [['software developer'], ['web developer']] },
        { label: 'sales assistant', candidates: [['shop keeper'], ['cashier'], ['sales assistant']] },
        { label: 'bookkeeper', candidates: [['a'], ['b'], ['c'], ['bookkeeper']] },
        { label: 'bookkeeper', candidates: [] },
      ],
      3,
      catalogLabels,
    );
    assert.equal(accuracy.titles, 4);
    assert.equal(accuracy.top1, 0.25);
    assert.equal(accuracy.topK, 0.5);
    assert.equal(accuracy.k, 3);
    assert.equal(accuracy.answered, 0.75);
    assert.equal(accuracy.labelInCatalog, 1);
  });

  it('compares labels case-insensitively with spaces collapsed, and accepts any label of a merged role', () => {
    const accuracy = scoreTitleRankings(
      [{ label: 'Sales  Assistant', candidates: [['retail entrepreneur', 'SALES ASSISTANT']] }],
      5,
      catalogLabels,
    );
    assert.equal(accuracy.top1, 1);
  });

  it('reports gold labels the catalog lacks, which cap the accuracy', () => {
    const accuracy = scoreTitleRankings([{ label: 'astronaut', candidates: [['software developer']] }], 5, catalogLabels);
    assert.equal(accuracy.labelInCatalog, 0);
    assert.equal(accuracy.topK, 0);
  });

  it('scores an empty set as zero instead of dividing by zero', () => {
    assert.deepEqual(scoreTitleRankings([], 5, catalogLabels), { titles: 0, top1: 0, topK: 0, k: 5, answered: 0, labelInCatalog: 0 });
  });
});
