import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How many runs of a role produced skills under one of the role's own dimensions. */
@Entity({ name: 'role_dimension_links' })
@Index('IDX_role_dimension_links_dimension', ['dimensionSlug'])
export class RoleDimensionLinkEntity {
  @PrimaryColumn({ type: 'text', name: 'role_slug', primaryKeyConstraintName: 'PK_role_dimension_links' })
  roleSlug!: string;

  @PrimaryColumn({ type: 'text', name: 'dimension_slug', primaryKeyConstraintName: 'PK_role_dimension_links' })
  dimensionSlug!: string;

  @Column({ type: 'integer', name: 'run_count', default: 0 })
  runCount!: number;

  @Column({ type: 'timestamptz', name: 'first_seen_at', default: () => 'now()' })
  firstSeenAt!: Date;

  @Column({ type: 'timestamptz', name: 'last_seen_at', default: () => 'now()' })
  lastSeenAt!: Date;
}
