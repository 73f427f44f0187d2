import { IsArray } from 'class-validator';

import type { Proposal, RunSkill } from '../run-document/run-document';
import { RoleDecidedV1 } from '../role-decided/role-decided.v1.event';

/** `skills.resolved.v1`: canonical skills with evidence and dimensions under the chosen role. */
export class SkillsResolvedV1 extends RoleDecidedV1 {
  @IsArray()
  skills!: RunSkill[];

  /** Skill and alias proposals; role proposals stay in `roleProposals`. */
  @IsArray()
  skillProposals!: Proposal[];
}
