import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Running mean of the KRA vectors of every run assigned to the role, over `n` runs. */
@Entity({ name: 'role_centroids' })
export class RoleCentroidEntity {
  @PrimaryColumn({ type: 'text', name: 'role_slug' })
  roleSlug!: string;

  @Column({ type: 'integer', name: 'n' })
  n!: number;

  @Column({ type: 'double precision', name: 'vector', array: true })
  vector!: number[];

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
