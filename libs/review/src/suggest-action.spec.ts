import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Catalog } from '@jdpipe/catalog';

import type { ReviewItem } from './review.ports';
import { describeSuggestion, editDistance, keysAreClose, suggestAction } from './suggest-action';
import { reviewSeed } from './spec-fixtures/review-catalog.fixture';

const catalog: Catalog = reviewSeed().catalog;

function item(id: number, value: string, overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id,
    kind: 'skill',
    value,
    normalisedValue: value.toLowerCase(),
    target: null,
    payload: {},
    status: 'pending',
    occurrences: 1,
    firstRunId: null,
    lastRunId: null,
    decidedBy: null,
    decidedAt: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    lastSeenAt: '2026-11-25T10:00:00.000Z',
    evidence: [],
    ...overrides,
  };
}

describe('suggestAction', () => {
  it('calls a spelling of an existing skill an alias of it: same key, typo or prefix', () => {
    for (const value of ['Postgre SQL', 'Postgress', 'Kubernetes.', 'PostgreSQL 16']) {
      assert.equal(
        describeSuggestion(suggestAction(item(1, value), catalog, [])),
        'alias of ' + (value.startsWith('Kub') ? 'kubernetes' : 'postgresql'),
        value,
      );
    }
  });

  it('does not call short or unrelated words close to a skill', () => {
    assert.deepEqual(suggestAction(item(1, 'Pyt'), catalog, []), { type: 'new_skill' });
    assert.deepEqual(suggestAction(item(1, 'Terraform'), catalog, []), { type: 'new_skill' });
    assert.equal(keysAreClose('go', 'gp'), false);
  });

  it('points the rarer of two near-duplicate proposals at the more frequent one, never both ways', () => {
    const common = item(1, 'Terraform', { occurrences: 5 });
    const rare = item(2, 'Terraform Cloud', { occurrences: 2 });
    const typo = item(3, 'Terrafrom', { occurrences: 1 });
    const pending = [common, rare, typo];
    assert.deepEqual(suggestAction(rare, catalog, pending), { type: 'merge_into_item', itemId: 1 });
    assert.deepEqual(suggestAction(typo, catalog, pending), { type: 'merge_into_item', itemId: 1 });
    assert.deepEqual(suggestAction(common, catalog, pending), { type: 'new_skill' });
  });

  it('suggests the natural action for aliases, KRAs and roles', () => {
    assert.equal(
      describeSuggestion(suggestAction(item(1, 'Kube', { kind: 'alias', target: 'kubernetes' }), catalog, [])),
      'add alias to kubernetes',
    );
    assert.equal(
      describeSuggestion(suggestAction(item(1, 'Own the API', { kind: 'kra', target: 'backend-engineer' }), catalog, [])),
      'add KRA to backend-engineer',
    );
    assert.equal(describeSuggestion(suggestAction(item(1, 'Analytics Engineer', { kind: 'role' }), catalog, [])), 'new role');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('same', 'same'), 0);
  });
});
