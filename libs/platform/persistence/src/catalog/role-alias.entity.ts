import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

import { RoleEntity } from './role.entity';

/** A job title (without seniority words) that means the role. */
@Entity({ name: 'role_aliases' })
@Unique('UQ_role_aliases_role_text', ['roleId', 'text'])
@Index('IDX_role_aliases_lower_text', { synchronize: false })
export class RoleAliasEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id!: number;

  @Column({ type: 'integer', name: 'role_id' })
  roleId!: number;

  @ManyToOne(() => RoleEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'FK_role_aliases_role' })
  role?: RoleEntity;

  @Column({ type: 'text', name: 'text' })
  text!: string;

  @Column({ type: 'integer', name: 'position', default: 0 })
  position!: number;

  @Column({ type: 'text', name: 'source', default: 'seed' })
  source!: string;
}
