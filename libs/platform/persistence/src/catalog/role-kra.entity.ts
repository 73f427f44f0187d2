import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

import { RoleEntity } from './role.entity';

/** A key responsibility area of a role, phrased like a posting bullet. */
@Entity({ name: 'role_kras' })
@Unique('UQ_role_kras_role_text', ['roleId', 'text'])
export class RoleKraEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id!: number;

  @Column({ type: 'integer', name: 'role_id' })
  roleId!: number;

  @ManyToOne(() => RoleEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'FK_role_kras_role' })
  role?: RoleEntity;

  @Column({ type: 'text', name: 'text' })
  text!: string;

  @Column({ type: 'integer', name: 'position', default: 0 })
  position!: number;

  @Column({ type: 'text', name: 'source', default: 'seed' })
  source!: string;
}
