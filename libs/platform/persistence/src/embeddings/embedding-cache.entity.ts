import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** One embedding of one text by one model; the text itself is not kept, only its SHA-256. */
@Entity({ name: 'embedding_cache' })
@Check('CHK_embedding_cache_dimensions', `"dimensions" > 0 AND cardinality("vector") = "dimensions"`)
export class EmbeddingCacheEntity {
  @PrimaryColumn({ type: 'text', name: 'model', primaryKeyConstraintName: 'PK_embedding_cache' })
  model!: string;

  /** Hex SHA-256 of the text as it was embedded. */
  @PrimaryColumn({ type: 'text', name: 'text_hash', primaryKeyConstraintName: 'PK_embedding_cache' })
  textHash!: string;

  @Column({ type: 'integer', name: 'dimensions' })
  dimensions!: number;

  /** Single precision, as the providers return them. */
  @Column({ type: 'real', name: 'vector', array: true })
  vector!: number[];

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
