import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

import { SkillCategoryEntity } from './skill-category.entity';

@Entity({ name: 'skills' })
@Unique('UQ_skills_slug', ['slug'])
@Index('IDX_skills_category', ['category'])
// Partial unique index (external ids of one source), created by the catalog-imports migration.
@Index('UQ_skills_source_external_id', { synchronize: false })
@Check('CHK_skills_nature', `"nature" IN ('TOOL','LANGUAGE','FRAMEWORK','PLATFORM','PRACTICE','CONCEPT','SOFT','CERTIFICATION','DOMAIN')`)
@Check('CHK_skills_volatility', `"volatility" IN ('LOW','MEDIUM','HIGH')`)
@Check('CHK_skills_lifespan', `"lifespan" IN ('EVERGREEN','MULTI_YEAR','SHORT_LIVED')`)
@Check('CHK_skills_version_strategy', `"version_strategy" IN ('VERSIONED','UNVERSIONED','NOT_APPLICABLE')`)
export class SkillEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id!: number;

  @Column({ type: 'text', name: 'slug' })
  slug!: string;

  @Column({ type: 'text', name: 'name' })
  name!: string;

  @Column({ type: 'text', name: 'category' })
  category!: string;

  @ManyToOne(() => SkillCategoryEntity, { onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'category', referencedColumnName: 'name', foreignKeyConstraintName: 'FK_skills_category' })
  categoryRow?: SkillCategoryEntity;

  @Column({ type: 'text', name: 'sub_category', nullable: true })
  subCategory!: string | null;

  @Column({ type: 'text', name: 'nature' })
  nature!: string;

  @Column({ type: 'text', name: 'volatility' })
  volatility!: string;

  @Column({ type: 'text', name: 'lifespan' })
  lifespan!: string;

  @Column({ type: 'text', name: 'version_strategy' })
  versionStrategy!: string;

  @Column({ type: 'text', name: 'source', default: 'seed' })
  source!: string;

  @Column({ type: 'text', name: 'external_id', nullable: true })
  externalId!: string | null;

  /** Set when the taxonomy release that created the row no longer has it: kept for history. */
  @Column({ type: 'timestamptz', name: 'retired_at', nullable: true })
  retiredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
