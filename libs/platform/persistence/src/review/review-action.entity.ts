import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { ReviewQueueItemEntity } from './review-queue-item.entity';

/** One reviewer decision on a review item; `detail` says what it changed, so that it can be undone. */
@Entity({ name: 'review_actions' })
@Index('IDX_review_actions_queue_id', ['queueId'])
@Check('CHK_review_actions_action', `"action" IN ('approve','reject','merge')`)
export class ReviewActionEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id!: number;

  @Column({ type: 'integer', name: 'queue_id' })
  queueId!: number;

  @ManyToOne(() => ReviewQueueItemEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'queue_id', foreignKeyConstraintName: 'FK_review_actions_queue' })
  item?: ReviewQueueItemEntity;

  @Column({ type: 'text', name: 'action' })
  action!: string;

  @Column({ type: 'text', name: 'actor' })
  actor!: string;

  @Column({ type: 'jsonb', name: 'detail' })
  detail!: Record<string, unknown>;

  /** The catalog version the action produced; null when it did not change the catalog. */
  @Column({ type: 'integer', name: 'catalog_version', nullable: true })
  catalogVersion!: number | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'text', name: 'undone_by', nullable: true })
  undoneBy!: string | null;

  @Column({ type: 'timestamptz', name: 'undone_at', nullable: true })
  undoneAt!: Date | null;

  @Column({ type: 'integer', name: 'undo_catalog_version', nullable: true })
  undoCatalogVersion!: number | null;
}
