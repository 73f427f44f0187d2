import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { RunEntity } from '../runs/run.entity';

/**
 * A proposal waiting for (or given) a reviewer's decision. One row per (kind, normalised value, target):
 * the migration's unique index treats a missing target as a value of its own, which an entity cannot say.
 */
@Entity({ name: 'review_queue' })
@Index('UQ_review_queue_kind_value_target', { synchronize: false })
@Index('IDX_review_queue_status_occurrences', ['status', 'occurrences'])
@Check('CHK_review_queue_kind', `"kind" IN ('skill','alias','kra','role')`)
@Check('CHK_review_queue_status', `"status" IN ('pending','approved','rejected','merged')`)
export class ReviewQueueItemEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id!: number;

  @Column({ type: 'text', name: 'kind' })
  kind!: string;

  @Column({ type: 'text', name: 'value' })
  value!: string;

  @Column({ type: 'text', name: 'normalised_value' })
  normalisedValue!: string;

  @Column({ type: 'text', name: 'target', nullable: true })
  target!: string | null;

  @Column({ type: 'jsonb', name: 'payload' })
  payload!: Record<string, unknown>;

  @Column({ type: 'text', name: 'status', default: 'pending' })
  status!: string;

  @Column({ type: 'integer', name: 'occurrences', default: 1 })
  occurrences!: number;

  @Column({ type: 'uuid', name: 'first_run_id', nullable: true })
  firstRunId!: string | null;

  @ManyToOne(() => RunEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'first_run_id', foreignKeyConstraintName: 'FK_review_queue_first_run' })
  firstRun?: RunEntity | null;

  @Column({ type: 'uuid', name: 'last_run_id', nullable: true })
  lastRunId!: string | null;

  @ManyToOne(() => RunEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'last_run_id', foreignKeyConstraintName: 'FK_review_queue_last_run' })
  lastRun?: RunEntity | null;

  @Column({ type: 'text', name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
