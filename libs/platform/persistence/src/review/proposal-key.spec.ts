import assert from 'node:assert/strict';
import { test } from 'node:test';

import { normaliseProposalValue } from './proposal-key';

test('proposal values that differ only in case, spacing or trailing punctuation share one key', () => {
  assert.equal(normaliseProposalValue('  Apache   Kafka. '), 'apache kafka');
  assert.equal(normaliseProposalValue('APACHE KAFKA'), 'apache kafka');
  assert.equal(normaliseProposalValue('Ｃ＃'), 'c#');
});

test('punctuation inside a value is kept, so C++ and C stay different', () => {
  assert.equal(normaliseProposalValue('C++'), 'c++');
  assert.notEqual(normaliseProposalValue('C++'), normaliseProposalValue('C'));
  assert.equal(normaliseProposalValue('Node.js'), 'node.js');
});
