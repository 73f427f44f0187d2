import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { RoleEntity } from './role.entity';
import { SkillEntity } from './skill.entity';

@Entity({ name: 'role_core_skills' })
@Index('IDX_role_core_skills_skill', ['skillId'])
export class RoleCoreSkillEntity {
  @PrimaryColumn({ type: 'integer', name: 'role_id', primaryKeyConstraintName: 'PK_role_core_skills' })
  roleId!: number;

  @PrimaryColumn({ type: 'integer', name: 'skill_id', primaryKeyConstraintName: 'PK_role_core_skills' })
  skillId!: number;

  @ManyToOne(() => RoleEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'FK_role_core_skills_role' })
  role?: RoleEntity;

  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'skill_id', foreignKeyConstraintName: 'FK_role_core_skills_skill' })
  skill?: SkillEntity;

  @Column({ type: 'integer', name: 'position', default: 0 })
  position!: number;

  @Column({ type: 'text', name: 'source', default: 'seed' })
  source!: string;
}
