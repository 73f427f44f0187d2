import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import type { CandidateRoleSignal } from '@jdpipe/contracts';

import { RunEntity } from './run.entity';

/** The signals one candidate role scored in a run: why it won or lost. */
@Entity({ name: 'run_signals' })
@Index('IDX_run_signals_role_slug', ['roleSlug'])
export class RunSignalEntity {
  @PrimaryColumn({ type: 'uuid', name: 'run_id', primaryKeyConstraintName: 'PK_run_signals' })
  runId!: string;

  @PrimaryColumn({ type: 'text', name: 'role_slug', primaryKeyConstraintName: 'PK_run_signals' })
  roleSlug!: string;

  @ManyToOne(() => RunEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'FK_run_signals_run' })
  run?: RunEntity;

  @Column({ type: 'double precision', name: 'score' })
  score!: number;

  @Column({ type: 'double precision', name: 'alias_score' })
  aliasScore!: number;

  @Column({ type: 'double precision', name: 'kra_score' })
  kraScore!: number;

  @Column({ type: 'double precision', name: 'skill_score' })
  skillScore!: number;

  @Column({ type: 'double precision', name: 'domain_score' })
  domainScore!: number;

  @Column({ type: 'jsonb', name: 'detail' })
  detail!: CandidateRoleSignal;
}
