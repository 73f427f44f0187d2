import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Running mean of the KRA vectors of every run assigned to the role, over `n` runs, all of one `vectorModel`. */
@Entity({ name: 'role_centroids' })
export class RoleCentroidEntity {
  @PrimaryColumn({ type: 'text', name: 'role_slug' })
  roleSlug!: string;

  @Column({ type: 'integer', name: 'n' })
  n!: number;

  @Column({ type: 'double precision', name: 'vector', array: true })
  vector!: number[];

  /** `hashed-tfidf` (the offline vector) or the embedding model the vectors came from. */
  @Column({ type: 'text', name: 'vector_model', default: 'hashed-tfidf' })
  vectorModel!: string;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
