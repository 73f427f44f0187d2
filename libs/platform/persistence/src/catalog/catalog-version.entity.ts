import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One synced state of the catalog; its id is the catalog version recorded on every run. */
@Entity({ name: 'catalog_versions' })
@Index('IDX_catalog_versions_content_hash', ['contentHash'])
export class CatalogVersionEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id!: number;

  @Column({ type: 'text', name: 'content_hash' })
  contentHash!: string;

  @Column({ type: 'text', name: 'reason' })
  reason!: string;

  /** Counts of what an import added, changed, kept and retired; null for seed syncs. */
  @Column({ type: 'jsonb', name: 'changes', nullable: true })
  changes!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
