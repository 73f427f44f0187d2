import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { aliasKey } from './alias-key';

describe('aliasKey', () => {
  it('treats spacing, hyphens, dots and case as the same alias', () => {
    assert.equal(aliasKey('Node.js'), aliasKey('NodeJS'));
    assert.equal(aliasKey('node js'), aliasKey('NODE-JS'));
    assert.equal(aliasKey('CI/CD'), aliasKey('ci cd'));
  });

  it('keeps the symbols that make different languages different', () => {
    const keys = ['C', 'C++', 'C#', '.NET', 'NET', 'F#'].map(aliasKey);
    assert.equal(new Set(keys).size, keys.length);
  });
});
