import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { RunEntity } from './run.entity';

/** How long one stage took in a run, with the part of the run document that stage produced. */
@Entity({ name: 'run_stage_results' })
export class RunStageResultEntity {
  @PrimaryColumn({ type: 'uuid', name: 'run_id', primaryKeyConstraintName: 'PK_run_stage_results' })
  runId!: string;

  @PrimaryColumn({ type: 'text', name: 'stage', primaryKeyConstraintName: 'PK_run_stage_results' })
  stage!: string;

  @ManyToOne(() => RunEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'FK_run_stage_results_run' })
  run?: RunEntity;

  @Column({ type: 'double precision', name: 'duration_ms' })
  durationMs!: number;

  @Column({ type: 'jsonb', name: 'payload', nullable: true })
  payload!: unknown;
}
