import { createHash } from 'node:crypto';

import type { DataSource } from 'typeorm';

/** A text and the vector a model gave it. */
export interface TextEmbedding {
  text: string;
  vector: readonly number[];
}

/** Hex SHA-256 of the text, the cache's key within a model. */
export function embeddingTextHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Embeddings by model and text hash. Callers pass each text exactly as it was sent to the model (normalised):
 * two spellings of one sentence are two entries. Vectors are immutable per (model, text), so a concurrent
 * writer's row is as good as ours.
 */
export class EmbeddingCacheStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The cached vectors among `texts` for `model`, by text; texts not cached are absent. */
  async find(model: string, texts: readonly string[]): Promise<Map<string, number[]>> {
    const found = new Map<string, number[]>();
    if (texts.length === 0) return found;
    const textByHash = new Map(texts.map((text) => [embeddingTextHash(text), text]));
    const rows: Array<{ text_hash: string; vector: number[] }> = await this.dataSource.query(
      'SELECT text_hash, vector FROM embedding_cache WHERE model = $1 AND text_hash = ANY($2::text[])',
      [model, [...textByHash.keys()]],
    );
    for (const row of rows) found.set(textByHash.get(row.text_hash)!, row.vector.map(Number));
    return found;
  }

  /** Keeps the vectors; an entry already cached for the model is left as it is. */
  async save(model: string, embeddings: readonly TextEmbedding[]): Promise<void> {
    const unique = new Map(embeddings.map((embedding) => [embeddingTextHash(embedding.text), embedding.vector]));
    if (unique.size === 0) return;
    for (const vector of unique.values()) {
      if (vector.length === 0 || !vector.every(Number.isFinite)) throw new Error(`An embedding of ${model} is empty or not finite`);
    }
    // Sorted keys: concurrent writers take row locks in the same order.
    const hashes = [...unique.keys()].sort();
    await this.dataSource.query(
      `INSERT INTO embedding_cache (model, text_hash, dimensions, vector)
       SELECT $1, u.text_hash, cardinality(u.vector::real[]), u.vector::real[]
       FROM unnest($2::text[], $3::text[]) AS u(text_hash, vector)
       ON CONFLICT (model, text_hash) DO NOTHING`,
      [model, hashes, hashes.map((hash) => `{${unique.get(hash)!.join(',')}}`)],
    );
  }
}
