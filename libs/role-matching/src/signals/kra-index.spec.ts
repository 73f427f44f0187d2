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

/** What the index should find for every role: per sentence the best similarity and the KRA texts reaching it. */
function expectedMatches(roles: readonly CatalogRole[], sentences: readonly string[]) {
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
  return expected;
}

describe('KraIndex.bestKraPerSentence', () => {
  for (const seed of [7, 42, 2024]) {
    it(`reads only the role's own KRAs yet equals the brute-force best KRA of every role (catalog seed ${seed})`, () => {
      const roles = generatedCatalog(seed, 120);
      const sentences = generatedSentences(seed + 1, 40);
      const index = new KraIndex(roles);
      const weighed = index.weighPosting(sentences);
      const expected = expectedMatches(roles, sentences);

      let matchesCompared = 0;
      for (const role of roles) {
        const matches = index.bestKraPerSentence(role.slug, weighed);
        const wanted = expected.get(role.slug) ?? [];
        assert.equal(matches.length, wanted.length, role.slug);
        matches.forEach((match, position) => {
          assert.equal(match.sentence, wanted[position].sentence);
          assert.equal(match.similarity, wanted[position].similarity, `${role.slug}: "${match.sentence}"`);
          assert.ok(wanted[position].bestTexts.has(match.kraText), `${role.slug}: "${match.kraText}" is not a best KRA`);
          // On a tie the role's earlier KRA is kept, so the text is the same on every run.
          assert.equal(
            match.kraText,
            role.kras.find((kra) => wanted[position].bestTexts.has(kra)),
          );
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
    const unknown = index.weighPosting(['zephyr quokka tundra', '']).sentences;
    assert.equal(unknown.length, 0);
    const ledger = index.weighPosting(['ledger']);
    const rolesWithLedger = roles.filter((role) => role.kras.some((kra) => sentenceTerms(kra).includes(sentenceTerms('ledger')[0])));
    assert.ok(rolesWithLedger.length > 0);
    assert.deepEqual(
      roles.filter((role) => index.bestKraPerSentence(role.slug, ledger).length > 0).map((role) => role.slug),
      rolesWithLedger.map((role) => role.slug),
    );
    assert.deepEqual(index.bestKraPerSentence('no-such-role', ledger), []);
  });
});

describe('KraIndex.kraScoreBounds', () => {
  for (const seed of [5, 99]) {
    it(`never falls below a role's exact top-k mean similarity, and is 0 only without a shared term (seed ${seed})`, () => {
      const roles = generatedCatalog(seed, 150);
      const sentences = generatedSentences(seed + 1, 12);
      const index = new KraIndex(roles);
      const weighed = index.weighPosting(sentences);
      for (const topK of [1, 3, 5]) {
        const bounds = new Float64Array(roles.length);
        index.kraScoreBounds(weighed.sentences, topK, (position, bound) => (bounds[position] = bound));
        let tight = 0;
        roles.forEach((role, position) => {
          const similarities = index
            .bestKraPerSentence(role.slug, weighed)
            .map((match) => match.similarity)
            .sort((left, right) => right - left);
          const exact = similarities.slice(0, topK).reduce((sum, value) => sum + value, 0) / topK;
          assert.ok(bounds[position] >= exact, `${role.slug} top-${topK}: bound ${bounds[position]} < exact ${exact}`);
          assert.equal(bounds[position] > 0, similarities.length > 0, role.slug);
          if (bounds[position] - exact < 0.05) tight++;
        });
        // A bound is only useful when it is often close: single-KRA roles must at least meet it exactly.
        assert.ok(tight > roles.length / 10, `only ${tight} of ${roles.length} bounds within 0.05 (top-${topK})`);
      }
    });
  }
});
