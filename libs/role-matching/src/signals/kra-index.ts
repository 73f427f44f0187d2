import { type CatalogRole } from '@jdpipe/catalog';
import { type KraMatch } from '@jdpipe/contracts';

import { BOUND_SLACK, roundSimilarity, SIMILARITY_ROUNDING_HEADROOM } from '../precision/precision';
import { isBigram, sentenceTerms } from '../text/terms';
import { BIGRAM_WEIGHT, PostingTermReader, type PostingTerm, type TermVocabulary } from './posting-terms';
/** Dimensions of the hashed responsibility vector kept for the role centroid. */
export const KRA_VECTOR_DIMENSIONS = 256;

/** A responsibility sentence weighed against the KRA vocabulary. */
export interface WeightedSentence {
  text: string;
  /** Ids and weights of the terms known to the KRA vocabulary, as parallel arrays. */
  termIds: Int32Array;
  weights: Float64Array;
  /** Where each term is in the posting's `termIds`. */
  postingTerms: Int32Array;
  /** Euclidean norm over all terms, unknown ones included: a long sentence of unrelated words is less similar. */
  norm: number;
}

/** A posting's responsibility sentences as both KRA measures see them. */
export interface WeighedPosting {
  sentences: WeightedSentence[];
  /** Every known term of the sentences once, ascending. */
  termIds: Int32Array;
  /** Hashed TF-IDF of all the sentences together, unit length, rounded to 4 decimals. */
  kraVector: number[];
}

/**
 * TF-IDF over the KRAs of the whole library (each KRA one document), as inverted indexes of unit-length KRA
 * vectors: one per role (its terms, each with the role's KRAs using it), to score one role's KRAs exactly, and
 * one over the library holding the largest weight any of a role's KRAs gives a term, to bound every role's
 * similarity cheaply.
 */
export class KraIndex {
  private readonly termIds = new Map<string, number>();
  private readonly idf: number[] = [];
  private readonly unknownTermIdf: number;
  private readonly termReader: PostingTermReader;
  private readonly kraTexts: string[] = [];
  /** KRAs of one role are contiguous ids: [kraStart[r], kraStart[r + 1]). */
  private readonly kraStart: number[] = [];
  private readonly ordinalBySlug = new Map<string, number>();
  /** Position in the library of each role with KRAs, by ordinal. */
  private readonly positionOfOrdinal: number[] = [];
  /**
   * Per term, the role ordinals holding it (ascending) with the largest weight any KRA of the role gives it, in
   * postingRoles/postingWeights[postingStart[t] .. postingStart[t + 1]): flat, as this is read for every term of every posting.
   */
  private readonly postingStart: Int32Array;
  private readonly postingRoles: Int32Array;
  private readonly postingWeights: Float64Array;
  /**
   * Per role, compressed: the role's term ids ascending in roleTerms[termStart[r] .. termStart[r + 1]), and for
   * the term at slot e its KRAs (offsets from the role's first KRA) and weights in [entryStart[e] .. entryStart[e + 1]).
   */
  private readonly termStart: Int32Array;
  private readonly roleTerms: Int32Array;
  private readonly entryStart: Int32Array;
  private readonly entryKras: Int32Array;
  private readonly entryWeights: Float64Array;
  /**
   * Scratch buffers, sized to the library once instead of allocated per posting. Every method using them is
   * synchronous and clears what it reads first, so no call (not even one cut short by an exception) leaks into the next.
   */
  private readonly kraDots: Float64Array;
  private readonly accumulated: Float64Array;
  private readonly filled: Int32Array;
  private readonly touched: Int32Array;
  private readonly everTouched: Int32Array;
  /** Grows with the largest topK asked for. */
  private bestBounds = new Float64Array(0);
  /** Grows with the largest posting vocabulary. */
  private postingTermSlots = new Int32Array(0);

  constructor(roles: readonly CatalogRole[]) {
    // Each KRA's term counts, kept until the weights are known. Only the counts are kept: term lists kept this
    // long would teach the engine to allocate every posting's word lists as long-lived, which costs collections.
    const kraTermCounts: Array<Map<string, number>> = [];
    const documentFrequency: number[] = [];
    roles.forEach((role, position) => {
      const roleTerms: Array<Map<string, number>> = [];
      const texts: string[] = [];
      for (const text of role.kras) {
        const terms = sentenceTerms(text);
        if (terms.length === 0) continue;
        roleTerms.push(termCounts(terms));
        texts.push(text);
      }
      if (texts.length === 0 || this.ordinalBySlug.has(role.slug)) return;
      this.ordinalBySlug.set(role.slug, this.kraStart.length);
      this.positionOfOrdinal.push(position);
      this.kraStart.push(this.kraTexts.length);
      this.kraTexts.push(...texts);
      for (const counts of roleTerms) {
        kraTermCounts.push(counts);
        for (const term of counts.keys()) {
          const id = this.termIdFor(term);
          documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
        }
      }
    });
    this.kraStart.push(this.kraTexts.length);
    const documents = this.kraTexts.length;
    // Smoothed IDF: a term in every KRA gets ~0, one in a single KRA gets ln(N+1): "support", "team" and
    // "ensure" occur across many roles' KRAs and so weigh little.
    for (let id = 0; id < documentFrequency.length; id++) this.idf[id] = Math.log((documents + 1) / (documentFrequency[id] + 0.5));
    this.unknownTermIdf = Math.log(documents + 1);
    this.termReader = new PostingTermReader(this.vocabulary());

    const roleLists: Array<{ ids: number[]; weights: number[] }> = [];
    const termStart = [0];
    const roleTerms: number[] = [];
    const entryStart = [0];
    const entryKras: number[] = [];
    const entryWeights: number[] = [];
    for (let role = 0; role < this.kraStart.length - 1; role++) {
      const byTerm = new Map<number, { kras: number[]; weights: number[] }>();
      for (let kra = this.kraStart[role]; kra < this.kraStart[role + 1]; kra++) {
        const vector = this.weigh(kraTermCounts[kra]);
        for (let index = 0; index < vector.termIds.length; index++) {
          const termId = vector.termIds[index];
          const unit = vector.weights[index] / vector.norm;
          const entry = byTerm.get(termId) ?? { kras: [], weights: [] };
          entry.kras.push(kra - this.kraStart[role]);
          entry.weights.push(unit);
          byTerm.set(termId, entry);
        }
      }
      for (const termId of [...byTerm.keys()].sort((left, right) => left - right)) {
        const entry = byTerm.get(termId)!;
        roleTerms.push(termId);
        entryKras.push(...entry.kras);
        entryWeights.push(...entry.weights);
        entryStart.push(entryKras.length);
        const roleList = (roleLists[termId] ??= { ids: [], weights: [] });
        roleList.ids.push(role);
        roleList.weights.push(Math.max(...entry.weights));
      }
      termStart.push(roleTerms.length);
    }
    this.postingStart = new Int32Array(this.termIds.size + 1);
    const postingRoles: number[] = [];
    const postingWeights: number[] = [];
    for (let termId = 0; termId < this.termIds.size; termId++) {
      const list = roleLists[termId];
      if (list) {
        postingRoles.push(...list.ids);
        postingWeights.push(...list.weights);
      }
      this.postingStart[termId + 1] = postingRoles.length;
    }
    this.postingRoles = Int32Array.from(postingRoles);
    this.postingWeights = Float64Array.from(postingWeights);
    this.termStart = Int32Array.from(termStart);
    this.roleTerms = Int32Array.from(roleTerms);
    this.entryStart = Int32Array.from(entryStart);
    this.entryKras = Int32Array.from(entryKras);
    this.entryWeights = Float64Array.from(entryWeights);
    const roleCount = this.kraStart.length - 1;
    let mostKras = 0;
    for (let role = 0; role < roleCount; role++) mostKras = Math.max(mostKras, this.kraStart[role + 1] - this.kraStart[role]);
    this.kraDots = new Float64Array(mostKras);
    this.accumulated = new Float64Array(roleCount);
    this.filled = new Int32Array(roleCount);
    this.touched = new Int32Array(roleCount);
    this.everTouched = new Int32Array(roleCount);
  }

  get kraCount(): number {
    return this.kraTexts.length;
  }

  /**
   * Tokenises the posting's sentences once for both KRA measures: the sentences weighed against the KRA
   * vocabulary (those without a known term are left out: they match nothing) and the hashed vector.
   */
  weighPosting(sentences: readonly string[], dimensions: number = KRA_VECTOR_DIMENSIONS): WeighedPosting {
    const read = this.termReader.read(sentences);
    const weighed: Array<{ text: string; terms: PostingTerm[]; weights: Float64Array; norm: number }> = [];
    for (const { text, terms, counts } of read.sentences) {
      const known: PostingTerm[] = [];
      const weights: number[] = [];
      let squares = 0;
      for (const [index, term] of terms.entries()) {
        const weight = tfIdf(counts[index], term.idf, term.bigramWeight);
        squares += weight * weight;
        if (term.id >= 0 && weight > 0) {
          known.push(term);
          weights.push(weight);
        }
      }
      const norm = Math.sqrt(squares);
      // A sentence without a known term matches nothing.
      if (known.length === 0 || norm === 0) continue;
      for (const term of known) term.known = true;
      weighed.push({ text, terms: known, weights: Float64Array.from(weights), norm });
    }
    const knownTerms = read.terms.filter((term) => term.known).sort((left, right) => left.id - right.id);
    const termIds = new Int32Array(knownTerms.length);
    knownTerms.forEach((term, slot) => {
      term.slot = slot;
      termIds[slot] = term.id;
    });
    return {
      sentences: weighed.map(({ text, terms, weights, norm }) => {
        const sentenceTermIds = new Int32Array(terms.length);
        const postingTerms = new Int32Array(terms.length);
        for (let index = 0; index < terms.length; index++) {
          sentenceTermIds[index] = terms[index].id;
          postingTerms[index] = terms[index].slot;
        }
        return { text, termIds: sentenceTermIds, weights, postingTerms, norm };
      }),
      termIds,
      // Summed in first-occurrence order, the same on every run.
      kraVector: this.hashedVector(read.terms, dimensions),
    };
  }

  /**
   * The best KRA of one role per sentence (similarity > 0), in sentence order; on a tie the role's earlier
   * KRA. Only the role's own index is read: each sentence term is looked up among the role's terms.
   */
  bestKraPerSentence(roleSlug: string, posting: WeighedPosting): KraMatch[] {
    const role = this.ordinalBySlug.get(roleSlug);
    if (role === undefined) return [];
    const first = this.kraStart[role];
    const kras = this.kraStart[role + 1] - first;
    const dot = this.kraDots;
    const slotOf = this.roleSlotsOf(role, posting.termIds);
    const matches: KraMatch[] = [];
    for (const sentence of posting.sentences) {
      let overlaps = false;
      for (let term = 0; term < sentence.postingTerms.length; term++) {
        const slot = slotOf[sentence.postingTerms[term]];
        if (slot < 0) continue;
        // Cleared on the first shared term: most sentences share none with a given role.
        if (!overlaps) dot.fill(0, 0, kras);
        overlaps = true;
        const weight = sentence.weights[term];
        for (let entry = this.entryStart[slot]; entry < this.entryStart[slot + 1]; entry++)
          dot[this.entryKras[entry]] += weight * this.entryWeights[entry];
      }
      if (!overlaps) continue;
      let best = -1;
      let bestDot = 0;
      let bestSimilarity = -1;
      for (let kra = 0; kra < kras; kra++) {
        // Rounding is monotonic, so a dot no larger than the best one cannot round above it.
        if (dot[kra] <= bestDot) continue;
        // Rounded, as stored in the match: a later KRA must beat the rounded value to replace the current one.
        const similarity = roundSimilarity(dot[kra] / sentence.norm);
        if (similarity > bestSimilarity) {
          best = kra;
          bestDot = dot[kra];
          bestSimilarity = similarity;
        }
      }
      matches.push({ sentence: sentence.text, kraText: this.kraTexts[first + best], similarity: bestSimilarity });
    }
    return matches;
  }

  /**
   * Where each of the posting's terms is among the role's terms (-1: not there), by one merge of the two
   * ascending lists: cheaper than a search of the role's terms for every term of every sentence.
   */
  private roleSlotsOf(role: number, postingTermIds: Int32Array): Int32Array {
    if (this.postingTermSlots.length < postingTermIds.length) this.postingTermSlots = new Int32Array(postingTermIds.length);
    const slotOf = this.postingTermSlots;
    const termsTo = this.termStart[role + 1];
    let slot = this.termStart[role];
    for (let index = 0; index < postingTermIds.length; index++) {
      const termId = postingTermIds[index];
      while (slot < termsTo && this.roleTerms[slot] < termId) slot++;
      slotOf[index] = slot < termsTo && this.roleTerms[slot] === termId ? slot : -1;
    }
    return slotOf;
  }

  /**
   * For every role (by its position in the library) sharing a term with the sentences, a value no smaller than
   * the mean of its `topK` best per-sentence similarities, given to `onBound`: each sentence's similarity to any
   * KRA of a role is at most the sum of the sentence's term weights times the largest weight any of the role's
   * KRAs gives each term (and at most 1). Other roles are left out: their similarity is 0.
   */
  kraScoreBounds(sentences: readonly WeightedSentence[], topK: number, onBound: (position: number, bound: number) => void): void {
    const { accumulated, filled, touched, everTouched, postingStart, postingRoles, postingWeights } = this;
    // The topK largest per-sentence similarity bounds of each role, unsorted; filled says how many are set.
    if (this.bestBounds.length < accumulated.length * topK) this.bestBounds = new Float64Array(accumulated.length * topK);
    const best = this.bestBounds;
    accumulated.fill(0);
    filled.fill(0);
    let everTouchedCount = 0;
    for (const sentence of sentences) {
      let touchedCount = 0;
      for (let term = 0; term < sentence.termIds.length; term++) {
        const termId = sentence.termIds[term];
        const weight = sentence.weights[term];
        for (let index = postingStart[termId]; index < postingStart[termId + 1]; index++) {
          const role = postingRoles[index];
          if (accumulated[role] === 0) touched[touchedCount++] = role;
          accumulated[role] += weight * postingWeights[index];
        }
      }
      // Kept unclamped and unrounded: the largest unrounded similarities bound the largest exact (rounded) ones.
      const perNorm = 1 / sentence.norm;
      for (let index = 0; index < touchedCount; index++) {
        const role = touched[index];
        const similarity = accumulated[role] * perNorm;
        accumulated[role] = 0;
        const base = role * topK;
        if (filled[role] === 0) everTouched[everTouchedCount++] = role;
        if (filled[role] < topK) {
          best[base + filled[role]++] = similarity;
          continue;
        }
        const smallest = smallestOf(best, base, topK);
        if (similarity > best[smallest]) best[smallest] = similarity;
      }
    }
    for (let index = 0; index < everTouchedCount; index++) {
      const role = everTouched[index];
      let sum = 0;
      for (let slot = role * topK; slot < role * topK + filled[role]; slot++) sum += Math.min(1, best[slot]);
      // Each exact similarity is rounded, so at most the rounding headroom above its unrounded bound:
      // adding that beats rounding every kept value, and loosens the bound too little to cost exact scoring.
      onBound(this.positionOfOrdinal[role], (sum + filled[role] * (SIMILARITY_ROUNDING_HEADROOM + BOUND_SLACK)) / topK + BOUND_SLACK);
    }
  }

  /**
   * The posting's responsibilities as one fixed-length vector (feature hashing of the same TF-IDF terms), so
   * centroids of different catalog versions stay comparable without a shared vocabulary.
   */
  private hashedVector(terms: readonly PostingTerm[], dimensions: number): number[] {
    const vector = new Array<number>(dimensions).fill(0);
    for (const term of terms) vector[term.hash % dimensions] += tfIdf(term.postingCount, term.idf, term.bigramWeight);
    const norm = Math.hypot(...vector);
    return norm === 0 ? vector : vector.map((value) => roundSimilarity(value / norm));
  }

  /**
   * The vocabulary as the posting reader sees it. Made here, not in the constructor: closures made there would
   * keep every local of the build (each KRA's term counts) alive for as long as the index.
   */
  private vocabulary(): TermVocabulary {
    const { termIds, idf, unknownTermIdf } = this;
    return { idOf: (term) => termIds.get(term), idf: (id) => idf[id], unknownIdf: unknownTermIdf, terms: termIds };
  }

  private termIdFor(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(term, id);
    }
    return id;
  }

  /** The known terms' ids and weights (terms are distinct, so each id once) and the norm over all terms. */
  private weigh(counts: ReadonlyMap<string, number>): { termIds: number[]; weights: number[]; norm: number } {
    const termIds: number[] = [];
    const weights: number[] = [];
    let squares = 0;
    for (const [term, count] of counts) {
      const id = this.termIds.get(term);
      const idf = id === undefined ? this.unknownTermIdf : this.idf[id];
      const weight = tfIdf(count, idf, isBigram(term) ? BIGRAM_WEIGHT : 1);
      squares += weight * weight;
      if (id !== undefined && weight > 0) {
        termIds.push(id);
        weights.push(weight);
      }
    }
    return { termIds, weights, norm: Math.sqrt(squares) };
  }
}

/** A term's weight in a sentence, a KRA or the posting vector: sublinear term frequency times IDF. */
function tfIdf(count: number, idf: number, bigramWeight: number): number {
  return (1 + Math.log(count)) * idf * bigramWeight;
}

/** How often each term occurs, in first-occurrence order. */
function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** The first slot of the smallest value in values[base .. base + count). */
function smallestOf(values: Float64Array, base: number, count: number): number {
  let smallest = base;
  for (let slot = base + 1; slot < base + count; slot++) if (values[slot] < values[smallest]) smallest = slot;
  return smallest;
}
