import { lightStem } from '../text/light-stem';
import { BIGRAM_MARK, isContentWord, scanWordTokens } from '../text/terms';

/** Bigrams confirm a phrase but should not outweigh the words they are made of. */
export const BIGRAM_WEIGHT = 0.8;
/** Words remembered with their stems; past this the memory starts again, so odd words cannot grow it forever. */
const REMEMBERED_WORDS = 50_000;
const FNV_OFFSET = 0x811c9dc5;
const RECENT_WORD_SLOTS = 4096;

/** One distinct term of a posting (a stem or a bigram of two): what the vocabulary says of it, and its counts. */
export interface PostingTerm {
  /** -1 when no KRA uses it. */
  id: number;
  idf: number;
  bigramWeight: number;
  /** FNV-1a of the term's text, for the hashed vector. */
  hash: number;
  postingCount: number;
  /** The sentence last counted, and how often it uses the term (see `SentenceTerms.counts` for every sentence). */
  sentenceIndex: number;
  sentenceCount: number;
  /** Weighed in some sentence against the KRAs; `slot` is then its place in the posting's ascending term ids. */
  known: boolean;
  slot: number;
  /** For a stem: the bigrams it opens in this posting, by the stem sorting after it. */
  bigrams: Map<PostingTerm, PostingTerm> | null;
}

/** A sentence as terms: each distinct term once, in first-occurrence order, with how often the sentence uses it. */
export interface SentenceTerms {
  text: string;
  terms: PostingTerm[];
  counts: Int32Array;
}

/** A content word's stem, kept between postings; `posting` is its term while the posting numbered `stamp` is read. */
interface Stem {
  text: string;
  id: number;
  hash: number;
  stamp: number;
  posting: PostingTerm | null;
}

/** What the reader needs of the KRA vocabulary. */
export interface TermVocabulary {
  idOf(term: string): number | undefined;
  idf(id: number): number;
  /** IDF of a term no KRA uses. */
  unknownIdf: number;
  /** Every term of the vocabulary, by id. */
  terms: Iterable<[string, number]>;
}

/**
 * Reads a posting's sentences into the same terms `sentenceTerms` gives (stems, then the unordered bigrams of
 * neighbouring stems) without building a string per term: a word's stem is remembered across postings, a
 * bigram is found from the ids of its two stems, and each distinct term of the posting is one record whose
 * counts the weighing reads.
 */
export class PostingTermReader {
  private readonly words = new Map<string, Stem | null>();
  private readonly stems = new Map<string, Stem>();
  /** Known bigrams by the ids of their two stems, the one sorting first given first. */
  private readonly bigramIds: PairTable;
  /**
   * The stem last found in each slot of a small table indexed by word hash: most words of a posting are common
   * ones, and this table stays in cache where the map of every word seen does not. Verified by text on a hit.
   */
  private readonly recentWords: Array<string | null> = new Array<string | null>(RECENT_WORD_SLOTS).fill(null);
  private readonly recentStems: Array<Stem | null> = new Array<Stem | null>(RECENT_WORD_SLOTS).fill(null);
  private stamp = 0;

  constructor(private readonly vocabulary: TermVocabulary) {
    const bigrams: Array<[number, number, number]> = [];
    for (const [term, id] of vocabulary.terms) {
      const mark = term.indexOf(BIGRAM_MARK);
      if (mark < 0) continue;
      const first = vocabulary.idOf(term.slice(0, mark));
      const second = vocabulary.idOf(term.slice(mark + 1));
      // A bigram only comes from two stems of the same KRA, so both are in the vocabulary.
      if (first === undefined || second === undefined) throw new Error(`bigram "${term}" has a stem outside the vocabulary`);
      bigrams.push([first, second, id]);
    }
    this.bigramIds = new PairTable(bigrams);
  }

  /**
   * The posting's sentences as terms, and every distinct term of the posting in first-occurrence order (within
   * a sentence, its stems before its bigrams, as `sentenceTerms` lists them).
   */
  read(sentences: readonly string[]): { sentences: SentenceTerms[]; terms: PostingTerm[] } {
    // Between postings only: a reset inside one would split a stem into two terms.
    if (this.words.size > REMEMBERED_WORDS) {
      this.words.clear();
      this.stems.clear();
      this.recentWords.fill(null);
      this.recentStems.fill(null);
    }
    const stamp = ++this.stamp;
    const postingTerms: PostingTerm[] = [];
    const read: SentenceTerms[] = [];
    const stems: Stem[] = [];
    const postingStems: Stem[] = [];
    const collectStem = (word: string): void => {
      const stem = this.stemOf(word);
      if (stem) stems.push(stem);
    };
    for (const [sentenceIndex, text] of sentences.entries()) {
      stems.length = 0;
      scanWordTokens(text, collectStem);
      const terms: PostingTerm[] = [];
      const count = (term: PostingTerm): void => {
        term.postingCount++;
        if (term.sentenceIndex !== sentenceIndex) {
          term.sentenceIndex = sentenceIndex;
          term.sentenceCount = 0;
          terms.push(term);
        }
        term.sentenceCount++;
      };
      for (const stem of stems) {
        if (stem.stamp !== stamp) {
          stem.stamp = stamp;
          stem.posting = newTerm(stem.id, stem.id < 0 ? this.vocabulary.unknownIdf : this.vocabulary.idf(stem.id), 1, stem.hash);
          postingTerms.push(stem.posting);
          postingStems.push(stem);
        }
        count(stem.posting!);
      }
      for (let index = 1; index < stems.length; index++) {
        const previous = stems[index - 1];
        const current = stems[index];
        if (previous === current) continue;
        // Ordered as `sentenceTerms` orders the pair.
        count(
          previous.text < current.text ? this.bigramOf(previous, current, postingTerms) : this.bigramOf(current, previous, postingTerms),
        );
      }
      const counts = new Int32Array(terms.length);
      for (let index = 0; index < terms.length; index++) counts[index] = terms[index].sentenceCount;
      read.push({ text, terms, counts });
    }
    // A stem outlives the posting; its term must not, or every posting's terms would linger until the
    // next posting using the stem (the stamp alone keeps them from being read again).
    for (const stem of postingStems) stem.posting = null;
    return { sentences: read, terms: postingTerms };
  }

  private stemOf(word: string): Stem | null {
    const slot = fnv1a(word) & (RECENT_WORD_SLOTS - 1);
    if (this.recentWords[slot] === word) return this.recentStems[slot];
    let stem = this.words.get(word);
    if (stem === undefined) {
      stem = isContentWord(word) ? this.stemNamed(lightStem(word)) : null;
      this.words.set(word, stem);
    }
    this.recentWords[slot] = word;
    this.recentStems[slot] = stem;
    return stem;
  }

  private stemNamed(text: string): Stem {
    let stem = this.stems.get(text);
    if (!stem) {
      stem = { text, id: this.vocabulary.idOf(text) ?? -1, hash: fnv1a(text), stamp: 0, posting: null };
      this.stems.set(text, stem);
    }
    return stem;
  }

  /** The posting's term for the bigram of two of its stems, `low` sorting first. */
  private bigramOf(low: Stem, high: Stem, postingTerms: PostingTerm[]): PostingTerm {
    const lowTerm = low.posting!;
    const highTerm = high.posting!;
    lowTerm.bigrams ??= new Map();
    let bigram = lowTerm.bigrams.get(highTerm);
    if (!bigram) {
      const id = low.id >= 0 && high.id >= 0 ? this.bigramIds.get(low.id, high.id) : -1;
      const hash = fnv1a(high.text, fnv1a(BIGRAM_MARK, low.hash));
      bigram = newTerm(id, id < 0 ? this.vocabulary.unknownIdf : this.vocabulary.idf(id), BIGRAM_WEIGHT, hash);
      lowTerm.bigrams.set(highTerm, bigram);
      postingTerms.push(bigram);
    }
    return bigram;
  }
}

/**
 * Values by a pair of non-negative ints, in one open-addressed array of (first, second, value) triples: a
 * lookup reads one place in memory where a map of maps reads two tables.
 */
class PairTable {
  private readonly mask: number;
  private readonly entries: Int32Array;

  constructor(pairs: ReadonlyArray<readonly [number, number, number]>) {
    let slots = 16;
    while (slots < pairs.length * 2) slots *= 2;
    this.mask = slots - 1;
    this.entries = new Int32Array(slots * 3).fill(-1);
    for (const [first, second, value] of pairs) {
      let slot = this.slotOf(first, second);
      while (this.entries[slot * 3] !== -1) slot = (slot + 1) & this.mask;
      this.entries.set([first, second, value], slot * 3);
    }
  }

  /** The value of the pair, or -1. */
  get(first: number, second: number): number {
    const { entries, mask } = this;
    for (let slot = this.slotOf(first, second); entries[slot * 3] !== -1; slot = (slot + 1) & mask)
      if (entries[slot * 3] === first && entries[slot * 3 + 1] === second) return entries[slot * 3 + 2];
    return -1;
  }

  private slotOf(first: number, second: number): number {
    return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & this.mask;
  }
}

function newTerm(id: number, idf: number, bigramWeight: number, hash: number): PostingTerm {
  return { id, idf, bigramWeight, hash, postingCount: 0, sentenceIndex: -1, sentenceCount: 0, known: false, slot: -1, bigrams: null };
}

/** FNV-1a of `text`; `from`, the hash of a text before it, continues that text's hash. */
export function fnv1a(text: string, from: number = FNV_OFFSET): number {
  let hash = from;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
