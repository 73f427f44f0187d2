/**
 * Embeddings kept across runs and restarts by model and text (the database's `embedding_cache`): a KRA is
 * embedded once per model, not once per posting.
 */
export interface EmbeddingCache {
  /** The cached vectors among `texts` for `model`, by text; texts not cached are absent. */
  find(model: string, texts: readonly string[]): Promise<Map<string, number[]>>;
  save(model: string, embeddings: ReadonlyArray<{ text: string; vector: readonly number[] }>): Promise<void>;
}
