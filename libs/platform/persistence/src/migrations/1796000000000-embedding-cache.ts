import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Embeddings kept by model and text hash, so a KRA or a sentence is paid for once per model; and the model of
 * each role centroid, so that vectors of two models are never averaged together.
 */
export class EmbeddingCache1796000000000 implements MigrationInterface {
  name = 'EmbeddingCache1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "embedding_cache" (
      "model" text NOT NULL,
      "text_hash" text NOT NULL,
      "dimensions" integer NOT NULL,
      "vector" real[] NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_embedding_cache" PRIMARY KEY ("model", "text_hash"),
      CONSTRAINT "CHK_embedding_cache_dimensions" CHECK ("dimensions" > 0 AND cardinality("vector") = "dimensions")
    )`);
    // Every centroid so far is the hashed TF-IDF vector.
    await queryRunner.query(`ALTER TABLE "role_centroids" ADD COLUMN "vector_model" text NOT NULL DEFAULT 'hashed-tfidf'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "role_centroids" DROP COLUMN IF EXISTS "vector_model"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "embedding_cache"`);
  }
}
