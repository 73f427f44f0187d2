import { type CatalogRole } from '@jdpipe/catalog';
import { type KraMatch } from '@jdpipe/contracts';

import { isBigram, sentenceTerms } from '../text/terms';

/** Bigrams confirm a phrase but should not outweigh the words they are made of. */
const BIGRAM_WEIGHT = 0.8;
/** Dimensions of the hashed responsibility vector kept for the role centroid. */
export const KRA_VECTOR_DIMENSIONS = 256;

interface IndexedKra {
  roleSlug: string;
  /** Dense id of the role, so per-sentence bookkeeping is array-indexed instead of keyed by slug. */
  roleOrdinal: number;
  text: string;
}

/** KRAs containing one term, as parallel typed arrays: the scoring loop walks them millions of times. */
interface TermPostings {
  kras: Int32Array;
  weights: Float64Array;
}

interface WeightedSentence {
  /** Weights of terms known to the KRA vocabulary, by term id. */
  known: Map<number, number>;
  /** Euclidean norm over all terms, unknown ones included: a long sentence of unrelated words is less similar. */
  norm: number;
}

/**
 * TF-IDF over the KRAs of the whole library (each KRA one document), as an inverted index of unit-length KRA
 * vectors: scoring a sentence touches only the KRAs that share a term with it.
 */
export class KraIndex {
  private readonly termIds = new Map<string, number>();
  private readonly idf: number[] = [];
  private readonly unknownTermIdf: number;
  private readonly kras: IndexedKra[] = [];
  private readonly postings: TermPostings[] = [];
  private readonly roleSlugs: string[] = [];

  constructor(roles: readonly CatalogRole[]) {
    const kraTerms: string[][] = [];
    const documentFrequency: number[] = [];
    const roleOrdinals = new Map<string, number>();
    for (const role of roles) {
      for (const text of role.kras) {
        const terms = sentenceTerms(text);
        if (terms.length === 0) continue;
        let roleOrdinal = roleOrdinals.get(role.slug);
        if (roleOrdinal === undefined) {
          roleOrdinal = this.roleSlugs.length;
          roleOrdinals.set(role.slug, roleOrdinal);
          this.roleSlugs.push(role.slug);
        }
        this.kras.push({ roleSlug: role.slug, roleOrdinal, text });
        kraTerms.push(terms);
        for (const term of new Set(terms)) {
          const id = this.termIdFor(term);
          documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
        }
      }
    }
    const documents = this.kras.length;
    // Smoothed IDF: a term in every KRA gets ~0, one in a single KRA gets ln(N+1): "support", "team" and
    // "ensure" occur across many roles' KRAs and so weigh little.
    for (let id = 0; id < documentFrequency.length; id++) this.idf[id] = Math.log((documents + 1) / (documentFrequency[id] + 0.5));
    this.unknownTermIdf = Math.log(documents + 1);
    const postingLists: Array<{ kras: number[]; weights: number[] }> = [];
    kraTerms.forEach((terms, kra) => {
      const vector = this.weigh(terms);
      for (const [termId, weight] of vector.known) {
        const list = (postingLists[termId] ??= { kras: [], weights: [] });
        list.kras.push(kra);
        list.weights.push(weight / vector.norm);
      }
    });
    for (let termId = 0; termId < postingLists.length; termId++) {
      const list = postingLists[termId];
      if (list) this.postings[termId] = { kras: Int32Array.from(list.kras), weights: Float64Array.from(list.weights) };
    }
  }

  get kraCount(): number {
    return this.kras.length;
  }

  /**
   * For each role with any overlap: the best KRA of that role per sentence (similarity > 0), in sentence order.
   * Only KRAs sharing a weighted term with the sentence are visited; every other KRA has similarity 0.
   */
  bestKraPerSentence(sentences: readonly string[]): Map<string, KraMatch[]> {
    const byRole = new Map<string, KraMatch[]>();
    const dot = new Float64Array(this.kras.length);
    const bestKraOfRole = new Int32Array(this.roleSlugs.length).fill(-1);
    // Rounded, as stored in the match: a later KRA must beat the rounded value to replace the current one.
    const bestSimilarityOfRole = new Float64Array(this.roleSlugs.length);
    const touched: number[] = [];
    const rolesTouched: number[] = [];
    for (const sentence of sentences) {
      const vector = this.weigh(sentenceTerms(sentence));
      if (vector.known.size === 0 || vector.norm === 0) continue;
      touched.length = 0;
      for (const [termId, weight] of vector.known) {
        const postings = this.postings[termId];
        if (!postings) continue;
        const { kras, weights } = postings;
        for (let index = 0; index < kras.length; index++) {
          const kra = kras[index];
          if (dot[kra] === 0) touched.push(kra);
          dot[kra] += weight * weights[index];
        }
      }
      rolesTouched.length = 0;
      for (const kra of touched) {
        const similarity = dot[kra] / vector.norm;
        dot[kra] = 0;
        const role = this.kras[kra].roleOrdinal;
        if (bestKraOfRole[role] === -1) {
          rolesTouched.push(role);
        } else if (!(similarity > bestSimilarityOfRole[role])) {
          continue;
        }
        bestKraOfRole[role] = kra;
        bestSimilarityOfRole[role] = round(similarity);
      }
      for (const role of rolesTouched) {
        const { roleSlug, text } = this.kras[bestKraOfRole[role]];
        const match: KraMatch = { sentence, kraText: text, similarity: bestSimilarityOfRole[role] };
        const list = byRole.get(roleSlug);
        if (list) list.push(match);
        else byRole.set(roleSlug, [match]);
        bestKraOfRole[role] = -1;
      }
    }
    return byRole;
  }

  /**
   * The posting's responsibilities as one fixed-length vector (feature hashing of the same TF-IDF terms), so
   * centroids of different catalog versions stay comparable without a shared vocabulary.
   */
  hashedVector(sentences: readonly string[], dimensions: number = KRA_VECTOR_DIMENSIONS): number[] {
    const vector = new Array<number>(dimensions).fill(0);
    const counts = new Map<string, number>();
    for (const sentence of sentences) for (const term of sentenceTerms(sentence)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      const id = this.termIds.get(term);
      const idf = id === undefined ? this.unknownTermIdf : this.idf[id];
      vector[fnv1a(term) % dimensions] += (1 + Math.log(count)) * idf * (isBigram(term) ? BIGRAM_WEIGHT : 1);
    }
    const norm = Math.hypot(...vector);
    return norm === 0 ? vector : vector.map((value) => Math.round((value / norm) * 10000) / 10000);
  }

  private termIdFor(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(term, id);
    }
    return id;
  }

  private weigh(terms: readonly string[]): WeightedSentence {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const known = new Map<number, number>();
    let squares = 0;
    for (const [term, count] of counts) {
      const id = this.termIds.get(term);
      const idf = id === undefined ? this.unknownTermIdf : this.idf[id];
      const weight = (1 + Math.log(count)) * idf * (isBigram(term) ? BIGRAM_WEIGHT : 1);
      squares += weight * weight;
      if (id !== undefined && weight > 0) known.set(id, weight);
    }
    return { known, norm: Math.sqrt(squares) };
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
