import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

import { RunEntity } from '../runs/run.entity';
import { ReviewQueueItemEntity } from './review-queue-item.entity';

/** Where a run saw the proposal: one row per (item, run). */
@Entity({ name: 'review_queue_evidence' })
@Unique('UQ_review_queue_evidence_queue_run', ['queueId', 'runId'])
@Index('IDX_review_queue_evidence_run_id', ['runId'])
export class ReviewQueueEvidenceEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id!: number;

  @Column({ type: 'integer', name: 'queue_id' })
  queueId!: number;

  @ManyToOne(() => ReviewQueueItemEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'queue_id', foreignKeyConstraintName: 'FK_review_queue_evidence_queue' })
  item?: ReviewQueueItemEntity;

  @Column({ type: 'uuid', name: 'run_id' })
  runId!: string;

  @ManyToOne(() => RunEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'FK_review_queue_evidence_run' })
  run?: RunEntity;

  @Column({ type: 'text', name: 'evidence', nullable: true })
  evidence!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
