import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { fixtureCatalog } from '../fixtures/fixture-catalog';
import { tokenize } from '../tokens/text-tokens';
import { AliasTrie } from './alias-trie';

const trie = AliasTrie.fromCatalog(fixtureCatalog());

/** Hits from the first token: [matched text, plural suffix length, skill slugs]. */
function hitsFromStart(text: string): Array<[string, number, string[]]> {
  const tokens = tokenize(text);
  return trie
    .hitsAt(trie.prepare(text, tokens), 0)
    .map((hit) => [
      text.slice(tokens[hit.startToken].start, tokens[hit.endToken].end),
      hit.pluralSuffixLength,
      hit.aliases.map((alias) => alias.skillSlug),
    ]);
}

describe('AliasTrie', () => {
  it('reaches a multi-word alias token by token and as one glued chunk', () => {
    assert.deepEqual(hitsFromStart('scikit learn'), [
      ['scikit learn', 0, ['scikit-learn']],
      ['scikit learn', 0, ['scikit-learn']],
    ]);
    assert.deepEqual(hitsFromStart('ScikitLearn'), [['ScikitLearn', 0, ['scikit-learn']]]);
  });

  it('reads a trailing plural on a single token and on a glued chunk', () => {
    assert.deepEqual(hitsFromStart('Pythons'), [['Pythons', 1, ['python']]]);
    assert.deepEqual(hitsFromStart('Node JSes'), [
      ['Node JSes', 2, ['node-js']],
      ['Node JSes', 2, ['node-js']],
    ]);
  });

  it('lists the shorter alias first when a longer one continues it', () => {
    assert.deepEqual(hitsFromStart('Spring Boots'), [
      ['Spring', 0, ['spring']],
      ['Spring Boots', 1, ['spring-boot']],
      ['Spring Boots', 1, ['spring-boot']],
    ]);
  });

  it('finds nothing where no alias starts', () => {
    assert.deepEqual(hitsFromStart('Kubernetes operators'), []);
  });

  it('looks labels up the same after other words have passed through its recent-label table', () => {
    const catalog = fixtureCatalog();
    const labels = (trie: AliasTrie, text: string) => Array.from(trie.prepare(text, tokenize(text)).labels);
    const aliasWords = catalog.skills.flatMap((skill) => skill.aliases.map((alias) => alias.text)).join(' ');
    // Thousands of words that are no label, many landing in slots a label holds.
    const otherWords = Array.from({ length: 20_000 }, (_, index) => `w${index.toString(36)}`).join(' ');
    const probe = `Python, React.js and Kubernetes operators with scikit learn ${otherWords} ${aliasWords}`;
    const fresh = labels(AliasTrie.fromCatalog(catalog), probe);
    const used = AliasTrie.fromCatalog(catalog);
    labels(used, `${aliasWords} ${otherWords}`);
    assert.deepEqual(labels(used, probe), fresh);
    assert.ok(fresh.some((label) => label >= 0) && fresh.some((label) => label < 0));
  });
});
