import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { DimensionEntity } from './dimension.entity';
import { SkillEntity } from './skill.entity';

/** Catalog membership: the skill belongs to the dimension. */
@Entity({ name: 'skill_dimensions' })
@Index('IDX_skill_dimensions_dimension', ['dimensionId'])
export class SkillDimensionEntity {
  @PrimaryColumn({ type: 'integer', name: 'skill_id', primaryKeyConstraintName: 'PK_skill_dimensions' })
  skillId!: number;

  @PrimaryColumn({ type: 'integer', name: 'dimension_id', primaryKeyConstraintName: 'PK_skill_dimensions' })
  dimensionId!: number;

  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'skill_id', foreignKeyConstraintName: 'FK_skill_dimensions_skill' })
  skill?: SkillEntity;

  @ManyToOne(() => DimensionEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'dimension_id', foreignKeyConstraintName: 'FK_skill_dimensions_dimension' })
  dimension?: DimensionEntity;

  @Column({ type: 'integer', name: 'position', default: 0 })
  position!: number;

  @Column({ type: 'text', name: 'source', default: 'seed' })
  source!: string;
}
