import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { concatHash, hashOf, hashPower, LabelFilter } from './label-filter';

describe('label filter hashes', () => {
  it('derives the hash of a concatenation from the hashes of its parts', () => {
    for (const [left, right] of [
      ['node', 'js'],
      ['data', 'base'],
      ['', 'sql'],
      ['ci', ''],
      ['crème', 'brûlée'],
    ]) {
      assert.equal(concatHash(hashOf(left), hashOf(right), hashPower(right.length)), hashOf(left + right), left + right);
    }
  });

  it('hashes a prefix as the prefix string', () => {
    assert.equal(hashOf('databases', 8), hashOf('database'));
    assert.equal(hashOf('s', 0), hashOf(''));
  });
});

describe('LabelFilter', () => {
  it('never rules out a label it was given', () => {
    const filter = new LabelFilter();
    const labels = Array.from({ length: 20_000 }, (_, index) => `label${index}`);
    for (const label of labels) filter.add(label);
    for (const label of labels) assert.equal(filter.mayContain(hashOf(label)), true, label);
  });

  it('rules out most strings it was not given', () => {
    const filter = new LabelFilter();
    for (let index = 0; index < 20_000; index++) filter.add(`label${index}`);
    let passed = 0;
    for (let index = 0; index < 10_000; index++) if (filter.mayContain(hashOf(`other${index}`))) passed++;
    assert.ok(passed < 200, `${passed} of 10000 strangers passed`);
  });
});
