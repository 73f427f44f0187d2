import { type KraMatch } from '@jdpipe/contracts';

import { roundSimilarity } from '../precision/precision';

/**
 * Embedding cosines of unrelated sentences do not sit at 0 (about 0.1-0.3 for OpenAI's text-embedding-3
 * models) and close paraphrases reach about 0.8. Mapping that band onto 0..1 puts the embedding similarity on
 * the lexical cosine's scale, which the KRA thresholds were tuned on. Priors from the models' published
 * behaviour, not fitted on our cases: the local fake server's vectors are not semantic.
 */
export const EMBEDDING_COSINE_BAND = { unrelated: 0.3, paraphrase: 0.8 } as const;

/** A text and its embedding. */
export interface EmbeddedText {
  text: string;
  vector: readonly number[];
}

/** What an embedding model says about the KRAs of a few candidate roles, for one posting. */
export interface KraEmbeddingEvidence {
  /** Recorded in the run's signals, so a reader knows which similarity scored the candidates. */
  model: string;
  /** Per role slug, the best KRA per responsibility sentence by embedding (`bestKraByEmbedding`). */
  matchesByRole: ReadonlyMap<string, readonly KraMatch[]>;
}

export function cosineSimilarity(left: readonly number[], right: readonly number[]): number {
  if (left.length !== right.length) throw new RangeError(`Vectors of ${left.length} and ${right.length} dimensions cannot be compared`);
  let dot = 0;
  let leftSquares = 0;
  let rightSquares = 0;
  for (let index = 0; index < left.length; index++) {
    dot += left[index] * right[index];
    leftSquares += left[index] * left[index];
    rightSquares += right[index] * right[index];
  }
  return leftSquares === 0 || rightSquares === 0 ? 0 : dot / Math.sqrt(leftSquares * rightSquares);
}

/** An embedding cosine on the lexical scale (0..1, see EMBEDDING_COSINE_BAND), rounded as KRA matches are. */
export function embeddingSimilarity(cosine: number): number {
  const { unrelated, paraphrase } = EMBEDDING_COSINE_BAND;
  return roundSimilarity(Math.min(1, Math.max(0, (cosine - unrelated) / (paraphrase - unrelated))));
}

/** The best KRA per sentence by embedding similarity (> 0 only), in sentence order; on a tie the earlier KRA. */
export function bestKraByEmbedding(sentences: readonly EmbeddedText[], kras: readonly EmbeddedText[]): KraMatch[] {
  return sentences.flatMap((sentence) => {
    let best: KraMatch | null = null;
    for (const kra of kras) {
      const similarity = embeddingSimilarity(cosineSimilarity(sentence.vector, kra.vector));
      if (similarity > (best?.similarity ?? 0)) best = { sentence: sentence.text, kraText: kra.text, similarity, via: 'embedding' };
    }
    return best ? [best] : [];
  });
}

/**
 * Per sentence the higher of the two similarities, strongest first, each match saying which one it is. The
 * higher, not a mean: the KRA policy was tuned on lexical cosines, so embeddings may only add evidence where the
 * wording differs (a paraphrase) and never take away an exact lexical match; a mean would halve both.
 */
export function blendKraMatches(lexical: readonly KraMatch[], embedded: readonly KraMatch[]): KraMatch[] {
  const bySentence = new Map<string, KraMatch>();
  for (const match of lexical) bySentence.set(match.sentence, { ...match, via: 'lexical' });
  for (const match of embedded) {
    const current = bySentence.get(match.sentence);
    if (!current || match.similarity > current.similarity) bySentence.set(match.sentence, { ...match, via: 'embedding' });
  }
  return [...bySentence.values()].sort((left, right) => right.similarity - left.similarity);
}

/** The posting's responsibilities as one unit vector: the normalised mean of its sentence embeddings. */
export function meanUnitVector(vectors: ReadonlyArray<readonly number[]>): number[] {
  if (vectors.length === 0) return [];
  const dimensions = vectors[0].length;
  const sum = new Array<number>(dimensions).fill(0);
  for (const vector of vectors) {
    if (vector.length !== dimensions) throw new RangeError('Sentence embeddings of different dimensions cannot be averaged');
    for (let index = 0; index < dimensions; index++) sum[index] += vector[index];
  }
  const norm = Math.hypot(...sum);
  return norm === 0 ? sum : sum.map((value) => value / norm);
}
