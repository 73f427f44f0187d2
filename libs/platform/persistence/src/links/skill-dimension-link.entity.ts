import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How many runs linked a skill to a dimension (what runs observed, not what the catalog declares). */
@Entity({ name: 'skill_dimension_links' })
@Index('IDX_skill_dimension_links_dimension', ['dimensionSlug'])
export class SkillDimensionLinkEntity {
  @PrimaryColumn({ type: 'text', name: 'skill_slug', primaryKeyConstraintName: 'PK_skill_dimension_links' })
  skillSlug!: string;

  @PrimaryColumn({ type: 'text', name: 'dimension_slug', primaryKeyConstraintName: 'PK_skill_dimension_links' })
  dimensionSlug!: string;

  @Column({ type: 'integer', name: 'run_count', default: 0 })
  runCount!: number;

  @Column({ type: 'timestamptz', name: 'first_seen_at', default: () => 'now()' })
  firstSeenAt!: Date;

  @Column({ type: 'timestamptz', name: 'last_seen_at', default: () => 'now()' })
  lastSeenAt!: Date;
}
