import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

import { DomainEntity } from './domain.entity';

@Entity({ name: 'roles' })
@Unique('UQ_roles_slug', ['slug'])
@Index('IDX_roles_domain', ['domain'])
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

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
