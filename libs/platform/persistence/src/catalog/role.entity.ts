import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

import { DomainEntity } from './domain.entity';

@Entity({ name: 'roles' })
@Unique('UQ_roles_slug', ['slug'])
@Index('IDX_roles_domain', ['domain'])
// Partial unique index (external ids of one source), created by the catalog-imports migration.
@Index('UQ_roles_source_external_id', { synchronize: false })
export class RoleEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id!: number;

  @Column({ type: 'text', name: 'slug' })
  slug!: string;

  @Column({ type: 'text', name: 'name' })
  name!: string;

  /** Slug of the role's domain. */
  @Column({ type: 'text', name: 'domain' })
  domain!: string;

  @ManyToOne(() => DomainEntity, { onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'domain', referencedColumnName: 'slug', foreignKeyConstraintName: 'FK_roles_domain' })
  domainRow?: DomainEntity;

  @Column({ type: 'text', name: 'description', default: '' })
  description!: string;

  @Column({ type: 'text', name: 'source', default: 'seed' })
  source!: string;

  /** The taxonomy's id (ESCO URI, O*NET-SOC code) of a role an import created. */
  @Column({ type: 'text', name: 'external_id', nullable: true })
  externalId!: string | null;

  /** Set when the taxonomy release that created the row no longer has it: kept for history. */
  @Column({ type: 'timestamptz', name: 'retired_at', nullable: true })
  retiredAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
