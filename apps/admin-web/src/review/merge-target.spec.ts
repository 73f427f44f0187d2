import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { normaliseMergeTarget, suggestedMergeTarget } from './merge-target.js';

describe('suggestedMergeTarget', () => {
  it('offers the skill a proposal looks like an alias of, or its pending twin', () => {
    assert.equal(suggestedMergeTarget({ type: 'alias_of', skillSlug: 'postgresql' }), 'postgresql');
    assert.equal(suggestedMergeTarget({ type: 'merge_into_item', itemId: 12 }), '#12');
  });

  it('offers nothing when the suggestion is not a merge', () => {
    assert.equal(suggestedMergeTarget({ type: 'new_skill' }), '');
    assert.equal(suggestedMergeTarget({ type: 'add_kra', roleSlug: 'backend-engineer' }), '');
  });
});

describe('normaliseMergeTarget', () => {
  it('accepts item numbers with or without the hash and lower-cases slugs', () => {
    assert.equal(normaliseMergeTarget(' #12 '), '12');
    assert.equal(normaliseMergeTarget('12'), '12');
    assert.equal(normaliseMergeTarget('PostgreSQL'), 'postgresql');
  });

  it('refuses an empty target', () => {
    assert.equal(normaliseMergeTarget('   '), null);
  });
});
