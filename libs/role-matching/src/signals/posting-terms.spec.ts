import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { generatedCatalog, generatedSentences } from '../spec-fixtures/generated-catalog';
import { isBigram, sentenceTerms } from '../text/terms';
import { BIGRAM_WEIGHT, fnv1a, PostingTermReader, type TermVocabulary } from './posting-terms';

/** A vocabulary of the terms of some texts, ids in first-occurrence order, idf made up from the id. */
function vocabularyOf(texts: readonly string[]): TermVocabulary & { ids: Map<string, number> } {
  const ids = new Map<string, number>();
  for (const text of texts) for (const term of sentenceTerms(text)) if (!ids.has(term)) ids.set(term, ids.size);
  return { ids, idOf: (term) => ids.get(term), idf: (id) => 1 + id / 10, unknownIdf: 99, terms: ids };
}

/** What the reader should give for one sentence: its distinct terms in order, each counted. */
function expectedTerms(
  sentence: string,
  vocabulary: TermVocabulary,
): Array<{ id: number; count: number; hash: number; bigramWeight: number }> {
  const counts = new Map<string, number>();
  for (const term of sentenceTerms(sentence)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return [...counts].map(([term, count]) => ({
    id: vocabulary.idOf(term) ?? -1,
    count,
    hash: fnv1a(term),
    bigramWeight: isBigram(term) ? BIGRAM_WEIGHT : 1,
  }));
}

describe('PostingTermReader', () => {
  it('reads each sentence into the terms sentenceTerms gives, counted per sentence and per posting', () => {
    const kras = generatedCatalog(5, 40).flatMap((role) => role.kras);
    const vocabulary = vocabularyOf(kras);
    const reader = new PostingTermReader(vocabulary);
    // Postings that reuse KRA wording, repeat words, and add words no KRA uses.
    const postings = [
      [...kras.slice(0, 6), 'Review code and code reviews, review the code', 'Quarterly zorbling of frobnicators'],
      generatedSentences(11, 12),
      [kras[3], kras[3].toUpperCase(), `${kras[7]} ${kras[7]}`],
      // Thousands of distinct words, so that words share slots of the reader's table of recent words.
      Array.from({ length: 300 }, (_, sentence) =>
        Array.from({ length: 12 }, (_, word) => (word % 3 === 0 ? kras[(sentence + word) % kras.length] : `w${sentence}x${word}`)).join(
          ' ',
        ),
      ),
    ];
    for (const sentences of postings) {
      const read = reader.read(sentences);
      assert.equal(read.sentences.length, sentences.length);
      const postingCounts = new Map<number, number>();
      read.sentences.forEach((sentence, index) => {
        const actual = sentence.terms.map((term, position) => ({
          id: term.id,
          count: sentence.counts[position],
          hash: term.hash,
          bigramWeight: term.bigramWeight,
        }));
        assert.deepEqual(actual, expectedTerms(sentences[index], vocabulary), sentences[index]);
        for (const [position, term] of sentence.terms.entries())
          postingCounts.set(term.hash, (postingCounts.get(term.hash) ?? 0) + sentence.counts[position]);
      });
      // Every distinct term of the posting once, with its count over all sentences.
      assert.equal(new Set(read.terms).size, read.terms.length);
      for (const term of read.terms) assert.equal(term.postingCount, postingCounts.get(term.hash));
      assert.ok(
        read.terms.some((term) => term.id >= 0 && term.bigramWeight === BIGRAM_WEIGHT),
        'a known bigram was found',
      );
      assert.ok(
        read.terms.some((term) => term.id < 0),
        'an unknown term was kept',
      );
    }
  });

  it('gives a stem one term per posting however many words share it, and forgets nothing between postings', () => {
    const vocabulary = vocabularyOf(['Review code changes']);
    const reader = new PostingTermReader(vocabulary);
    for (let posting = 0; posting < 3; posting++) {
      const read = reader.read(['Reviews of code', 'Reviewing code, reviewed changes']);
      const review = read.terms.filter((term) => term.id === vocabulary.ids.get(sentenceTerms('review')[0]));
      assert.equal(review.length, 1);
      assert.equal(review[0].postingCount, 3);
    }
  });

  it('reads postings the same after its memory of words fills and starts again', () => {
    const sentences = ['Review code changes', 'Reviewing the reviewed code'];
    const vocabulary = vocabularyOf(sentences);
    const reader = new PostingTermReader(vocabulary);
    const before = reader.read(sentences).sentences.map((sentence) => sentence.terms.map((term) => term.hash));
    reader.read([Array.from({ length: 60_000 }, (_, index) => `w${index}`).join(' ')]);
    const after = reader.read(sentences);
    assert.deepEqual(
      after.sentences.map((sentence) => sentence.terms.map((term) => term.hash)),
      before,
    );
    assert.equal(after.terms.length, new Set(after.terms.map((term) => term.hash)).size);
  });

  it('continues an FNV-1a hash across texts as over their concatenation', () => {
    assert.equal(fnv1a('gamma', fnv1a('~', fnv1a('beta'))), fnv1a('beta~gamma'));
    assert.equal(fnv1a(''), 0x811c9dc5);
  });
});
