import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import type { SkillDimensionLink, SkillEvidence } from '@jdpipe/contracts';

import { RunEntity } from './run.entity';

/** One skill a run found, in the order the run listed it. */
@Entity({ name: 'run_skills' })
@Index('IDX_run_skills_skill_slug', ['skillSlug'])
@Check('CHK_run_skills_status', `"status" IN ('in_catalog','proposed')`)
@Check('CHK_run_skills_requirement', `"requirement" IN ('required','preferred')`)
export class RunSkillEntity {
  @PrimaryColumn({ type: 'uuid', name: 'run_id', primaryKeyConstraintName: 'PK_run_skills' })
  runId!: string;

  @PrimaryColumn({ type: 'integer', name: 'position', primaryKeyConstraintName: 'PK_run_skills' })
  position!: number;

  @ManyToOne(() => RunEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'FK_run_skills_run' })
  run?: RunEntity;

  @Column({ type: 'text', name: 'skill_slug' })
  skillSlug!: string;

  @Column({ type: 'text', name: 'name' })
  name!: string;

  @Column({ type: 'text', name: 'status' })
  status!: string;

  @Column({ type: 'text', name: 'matched_via' })
  matchedVia!: string;

  @Column({ type: 'text', name: 'category', nullable: true })
  category!: string | null;

  @Column({ type: 'text', name: 'nature', nullable: true })
  nature!: string | null;

  @Column({ type: 'text', name: 'requirement' })
  requirement!: string;

  @Column({ type: 'boolean', name: 'is_primary', default: false })
  isPrimary!: boolean;

  @Column({ type: 'jsonb', name: 'dimensions', default: () => "'[]'" })
  dimensions!: SkillDimensionLink[];

  @Column({ type: 'jsonb', name: 'evidence', default: () => "'[]'" })
  evidence!: SkillEvidence[];
}
