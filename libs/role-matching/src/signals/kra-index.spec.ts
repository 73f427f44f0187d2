import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { type CatalogRole } from '@jdpipe/catalog';

import { generatedCatalog, generatedSentences } from '../spec-fixtures/generated-catalog';
import { isBigram, sentenceTerms } from '../text/terms';
import { KraIndex } from './kra-index';

/** Every sentence against every KRA, with the index's TF-IDF weighting but no inverted index. */
function bruteForceSimilarities(
  roles: readonly CatalogRole[],
  sentence: string,
): Array<{ roleSlug: string; kraText: string; similarity: number }> {
  const kras = roles.flatMap((role) => role.kras.map((text) => ({ roleSlug: role.slug, text, terms: sentenceTerms(text) })));
  const documents = kras.filter((kra) => kra.terms.length > 0);
  const documentFrequency = new Map<string, number>();
  for (const kra of documents) for (const term of new Set(kra.terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idfOf = (term: string): number => {
    const frequency = documentFrequency.get(term);
    return frequency === undefined ? Math.log(documents.length + 1) : Math.log((documents.length + 1) / (frequency + 0.5));
  };
  const weigh = (terms: readonly string[]): { weights: Map<string, number>; norm: number } => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const weights = new Map<string, number>();
    let squares = 0;
    for (const [term, count] of counts) {
      const weight = (1 + Math.log(count)) * idfOf(term) * (isBigram(term) ? 0.8 : 1);
      squares += weight * weight;
      weights.set(term, weight);
    }
    return { weights, norm: Math.sqrt(squares) };
  };
  const posting = weigh(sentenceTerms(sentence));
  return documents.map((kra) => {
    const vector = weigh(kra.terms);
    let dot = 0;
    for (const [term, weight] of posting.weights) {
      const kraWeight = vector.weights.get(term);
      if (kraWeight !== undefined && documentFrequency.has(term)) dot += weight * (kraWeight / vector.norm);
    }
    return { roleSlug: kra.roleSlug, kraText: kra.text, similarity: posting.norm === 0 ? 0 : dot / posting.norm };
  });
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

describe('KraIndex.bestKraPerSentence', () => {
  for (const seed of [7, 42, 2024]) {
    it(`scores only overlapping KRAs yet equals the brute-force best KRA per role (catalog seed ${seed})`, () => {
      const roles = generatedCatalog(seed, 120);
      const sentences = generatedSentences(seed + 1, 40);
      const pruned = new KraIndex(roles).bestKraPerSentence(sentences);

      const expected = new Map<string, Array<{ sentence: string; similarity: number; bestTexts: Set<string> }>>();
      for (const sentence of sentences) {
        const byRole = new Map<string, Array<{ kraText: string; similarity: number }>>();
        for (const score of bruteForceSimilarities(roles, sentence)) {
          if (score.similarity <= 0) continue;
          byRole.set(score.roleSlug, [...(byRole.get(score.roleSlug) ?? []), score]);
        }
        for (const [roleSlug, scores] of byRole) {
          const similarity = round(Math.max(...scores.map((score) => score.similarity)));
          const bestTexts = new Set(scores.filter((score) => round(score.similarity) === similarity).map((score) => score.kraText));
          expected.set(roleSlug, [...(expected.get(roleSlug) ?? []), { sentence, similarity, bestTexts }]);
        }
      }

      assert.deepEqual([...pruned.keys()].sort(), [...expected.keys()].sort());
      let matchesCompared = 0;
      for (const [roleSlug, matches] of pruned) {
        const wanted = expected.get(roleSlug) ?? [];
        assert.equal(matches.length, wanted.length, roleSlug);
        matches.forEach((match, index) => {
          assert.equal(match.sentence, wanted[index].sentence);
          assert.equal(match.similarity, wanted[index].similarity, `${roleSlug}: "${match.sentence}"`);
          assert.ok(wanted[index].bestTexts.has(match.kraText), `${roleSlug}: "${match.kraText}" is not a best KRA`);
          matchesCompared++;
        });
      }
      // The generated catalog must exercise the comparison, not pass vacuously.
      assert.ok(matchesCompared > 200, `only ${matchesCompared} matches compared`);
    });
  }

  it('leaves out sentences without a known term and roles without a shared term', () => {
    const roles = generatedCatalog(11, 30);
    const index = new KraIndex(roles);
    assert.equal(index.bestKraPerSentence(['zephyr quokka tundra', '']).size, 0);
    const onlyLedger = index.bestKraPerSentence(['ledger']);
    const rolesWithLedger = roles.filter((role) => role.kras.some((kra) => sentenceTerms(kra).includes(sentenceTerms('ledger')[0])));
    assert.deepEqual([...onlyLedger.keys()].sort(), rolesWithLedger.map((role) => role.slug).sort());
  });
});
