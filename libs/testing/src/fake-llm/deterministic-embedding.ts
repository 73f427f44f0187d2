import { createHash } from 'node:crypto';

/**
 * A unit vector for `text` built by feature hashing: each word adds ±1 to a dimension chosen by its
 * hash. The same text always gets the same vector, and texts sharing words get a positive cosine, so
 * similarity code can be tested for real without a model.
 */
export function deterministicEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}+#]+/gu) ?? [];
  for (const word of words.length > 0 ? words : [text]) {
    const digest = createHash('sha256').update(word, 'utf8').digest();
    const dimension = digest.readUInt32BE(0) % dimensions;
    vector[dimension]! += (digest[4]! & 1) === 1 ? 1 : -1;
  }
  let norm = Math.hypot(...vector);
  if (norm === 0) {
    // Words that cancel out: fall back to one dimension picked by the whole text.
    vector[createHash('sha256').update(text, 'utf8').digest().readUInt32BE(0) % dimensions] = 1;
    norm = 1;
  }
  // Float32 precision, so that the float and base64 encodings carry the same numbers.
  return vector.map((component) => Math.fround(component / norm));
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
