import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event a consumer has already applied; written in the same transaction as the consumer's effects. */
@Entity({ name: 'processed_events' })
export class ProcessedEventEntity {
  @PrimaryColumn({ type: 'text', name: 'consumer', primaryKeyConstraintName: 'PK_processed_events' })
  consumer!: string;

  @PrimaryColumn({ type: 'text', name: 'event_id', primaryKeyConstraintName: 'PK_processed_events' })
  eventId!: string;

  @Column({ type: 'timestamptz', name: 'processed_at', default: () => 'now()' })
  processedAt!: Date;
}
