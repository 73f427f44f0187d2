import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CatalogIndex, loadSeedCatalog } from '@jdpipe/catalog';
import { type KraMatch } from '@jdpipe/contracts';

import { RoleMatcher, type RoleMatchInput } from '../decision/role-matcher';
import { seededRandom } from '../spec-fixtures/generated-catalog';
import {
  bestKraByEmbedding,
  blendKraMatches,
  cosineSimilarity,
  EMBEDDING_COSINE_BAND,
  embeddingSimilarity,
  type KraEmbeddingEvidence,
  meanUnitVector,
} from './kra-embedding';

describe('embedding similarity of sentences and KRAs', () => {
  it('puts cosines on the lexical scale: unrelated-looking cosines count as nothing, close paraphrases as full', () => {
    assert.equal(embeddingSimilarity(0.1), 0);
    assert.equal(embeddingSimilarity(EMBEDDING_COSINE_BAND.unrelated), 0);
    assert.equal(embeddingSimilarity(0.55), 0.5);
    assert.equal(embeddingSimilarity(EMBEDDING_COSINE_BAND.paraphrase), 1);
    assert.equal(embeddingSimilarity(0.97), 1);
  });

  it('compares only vectors of one size', () => {
    assert.equal(cosineSimilarity([1, 0], [0, 2]), 0);
    assert.ok(Math.abs(cosineSimilarity([1, 1], [2, 2]) - 1) < 1e-12);
    assert.throws(() => cosineSimilarity([1, 0], [1, 0, 0]), RangeError);
  });

  it('keeps the best KRA per sentence and leaves out sentences no KRA is close to', () => {
    const sentences = [
      { text: 'keep systems up', vector: [1, 0, 0] },
      { text: 'unrelated', vector: [0, 0, 1] },
    ];
    const kras = [
      { text: 'run incident response', vector: [0.6, 0.8, 0] },
      { text: 'ensure availability', vector: [1, 0.1, 0] },
    ];
    assert.deepEqual(bestKraByEmbedding(sentences, kras), [
      { sentence: 'keep systems up', kraText: 'ensure availability', similarity: 1, via: 'embedding' },
    ]);
  });

  it('blends per sentence by the higher similarity, lexical on a tie, strongest first, each saying which', () => {
    const lexical: KraMatch[] = [
      { sentence: 'a', kraText: 'KRA 1', similarity: 0.7 },
      { sentence: 'b', kraText: 'KRA 2', similarity: 0.1 },
      { sentence: 'c', kraText: 'KRA 3', similarity: 0.3 },
    ];
    const embedded: KraMatch[] = [
      { sentence: 'a', kraText: 'KRA 4', similarity: 0.4, via: 'embedding' },
      { sentence: 'b', kraText: 'KRA 5', similarity: 0.8, via: 'embedding' },
      { sentence: 'c', kraText: 'KRA 6', similarity: 0.3, via: 'embedding' },
      { sentence: 'd', kraText: 'KRA 1', similarity: 0.2, via: 'embedding' },
    ];
    assert.deepEqual(blendKraMatches(lexical, embedded), [
      { sentence: 'b', kraText: 'KRA 5', similarity: 0.8, via: 'embedding' },
      { sentence: 'a', kraText: 'KRA 1', similarity: 0.7, via: 'lexical' },
      { sentence: 'c', kraText: 'KRA 3', similarity: 0.3, via: 'lexical' },
      { sentence: 'd', kraText: 'KRA 1', similarity: 0.2, via: 'embedding' },
    ]);
  });

  it('averages sentence embeddings into one unit vector, refusing mixed sizes', () => {
    assert.deepEqual(
      meanUnitVector([
        [1, 0],
        [0, 1],
      ]).map((value) => Math.round(value * 1e6) / 1e6),
      [0.707107, 0.707107],
    );
    assert.deepEqual(meanUnitVector([]), []);
    assert.throws(() => meanUnitVector([[1, 0], [1]]), RangeError);
  });
});

describe('RoleMatcher with embedding evidence', () => {
  const seed = loadSeedCatalog().catalog;
  const catalog = new CatalogIndex(seed);
  const pruned = RoleMatcher.build(catalog);
  const exhaustive = RoleMatcher.build(catalog, { exhaustive: true });

  /** Postings of one role's KRAs and title, and made-up embedding evidence for a few random roles. */
  function cases(count: number): Array<{ input: RoleMatchInput; evidence: KraEmbeddingEvidence }> {
    const random = seededRandom(5);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    return Array.from({ length: count }, () => {
      const role = pick(seed.roles);
      // Blurred duties (words dropped) leave room for the evidence to change the decision.
      const sentences = role.kras
        .filter(() => random() < 0.5)
        .map((kra) =>
          kra
            .split(' ')
            .filter(() => random() < 0.4)
            .join(' '),
        );
      const input = {
        title: random() < 0.2 ? role.name : null,
        roleAliases: [],
        responsibilitySentences: sentences,
        requirementSentences: [],
        skillSlugs: role.coreSkills.filter(() => random() < 0.1),
        text: sentences.join('\n'),
      };
      const embeddedRoles = Array.from({ length: 3 }, () => pick(seed.roles));
      const matchesByRole = new Map(
        embeddedRoles.map((embeddedRole) => [
          embeddedRole.slug,
          pruned.kraSentences(input).map((sentence) => ({
            sentence,
            kraText: pick(embeddedRole.kras),
            similarity: Math.round((0.5 + random() / 2) * 10000) / 10000,
            via: 'embedding' as const,
          })),
        ]),
      );
      return { input, evidence: { model: 'test-embedding', matchesByRole } };
    });
  }

  it('decides exactly as scoring every role, though the evidence lifts roles past their lexical bounds', () => {
    let changed = 0;
    for (const { input, evidence } of cases(60)) {
      const decision = pruned.match(input, evidence);
      assert.deepEqual(decision, exhaustive.match(input, evidence));
      if (decision.role?.slug !== pruned.match(input).role?.slug) changed++;
    }
    assert.ok(changed > 0, 'the evidence must change some decisions for the comparison to mean much');
  });

  it('records the model and which similarity scored each recorded candidate; without evidence, neither', () => {
    const [{ input, evidence }] = cases(1);
    const signals = pruned.match(input, evidence).signals;
    assert.equal(signals.kraEmbeddingModel, 'test-embedding');
    for (const candidate of signals.candidates) {
      assert.equal(candidate.kraSimilarity, evidence.matchesByRole.has(candidate.slug) ? 'embedding-blend' : 'lexical');
    }
    const lexical = pruned.match(input).signals;
    assert.equal(lexical.kraEmbeddingModel, undefined);
    assert.ok(lexical.candidates.every((candidate) => !('kraSimilarity' in candidate)));
  });
});
