import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { DimensionEntity } from './dimension.entity';
import { RoleEntity } from './role.entity';

@Entity({ name: 'role_dimensions' })
@Index('IDX_role_dimensions_dimension', ['dimensionId'])
export class RoleDimensionEntity {
  @PrimaryColumn({ type: 'integer', name: 'role_id', primaryKeyConstraintName: 'PK_role_dimensions' })
  roleId!: number;

  @PrimaryColumn({ type: 'integer', name: 'dimension_id', primaryKeyConstraintName: 'PK_role_dimensions' })
  dimensionId!: number;

  @ManyToOne(() => RoleEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'FK_role_dimensions_role' })
  role?: RoleEntity;

  @ManyToOne(() => DimensionEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'dimension_id', foreignKeyConstraintName: 'FK_role_dimensions_dimension' })
  dimension?: DimensionEntity;

  @Column({ type: 'integer', name: 'position', default: 0 })
  position!: number;

  @Column({ type: 'text', name: 'source', default: 'seed' })
  source!: string;
}
