import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { apiKeyMatches, apiKeyPrefixOf, generateApiKey, hashApiKey } from './api-key-format';

describe('API key format', () => {
  test('a key is jdp_<8-character prefix>_<40 random characters> and names its own prefix', () => {
    const { key, prefix } = generateApiKey();
    assert.match(key, /^jdp_[A-Za-z0-9]{8}_[A-Za-z0-9]{40}$/);
    assert.equal(apiKeyPrefixOf(key), prefix);
  });

  test('keys do not repeat and their letters cover the whole alphabet', () => {
    const keys = Array.from({ length: 200 }, () => generateApiKey().key);
    assert.equal(new Set(keys).size, keys.length);
    const letters = new Set(keys.join('').replaceAll('jdp', '').replaceAll('_', ''));
    assert.equal(letters.size, 62);
  });

  test('only the hash of the key is kept, and it matches the key and nothing else', () => {
    const { key, hash } = generateApiKey();
    assert.equal(hash, hashApiKey(key));
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.ok(!hash.includes(key.slice(13)));
    assert.ok(apiKeyMatches(key, hash));
    assert.ok(!apiKeyMatches(`${key}x`, hash));
    assert.ok(!apiKeyMatches(key, generateApiKey().hash));
    assert.ok(!apiKeyMatches(key, 'not-hex'));
  });

  test('strings that cannot be keys have no prefix', () => {
    for (const text of ['', 'Bearer x', 'jdp_short_abc', 'jdp_ABCDEFGH_tooShortSecret', 'xyz_ABCDEFGH_' + 'a'.repeat(40)]) {
      assert.equal(apiKeyPrefixOf(text), null, text);
    }
  });
});
