import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { VOCABULARY, generatedCatalog, phrase, seededRandom } from '../spec-fixtures/generated-catalog';
import { AliasIndex } from './alias-signal';

describe('AliasIndex containment candidates', () => {
  it('finds the same roles as comparing the title with every alias', () => {
    const roles = generatedCatalog(99, 300);
    const index = new AliasIndex(roles);
    const random = seededRandom(100);
    let hitsCompared = 0;
    for (let trial = 0; trial < 60; trial++) {
      const title = phrase(random, VOCABULARY, 2, 5);
      const hits = index.match(title, []).hits;
      // Brute force: a role hits when all words of one of its aliases (or name) are in a longer title.
      const titleWords = new Set(title.split(' '));
      const expectedRoles = roles
        .filter((role) =>
          [role.name, ...role.aliases].some((alias) => {
            const words = alias.split(' ');
            return (title === alias || words.length < title.split(' ').length) && words.every((word) => titleWords.has(word));
          }),
        )
        .map((role) => role.slug);
      assert.deepEqual(hits.map((hit) => hit.roleSlug).sort(), [...new Set(expectedRoles)].sort(), title);
      hitsCompared += hits.length;
    }
    assert.ok(hitsCompared > 20, `only ${hitsCompared} hits compared`);
  });
});
