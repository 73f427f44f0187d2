import { type CatalogRole } from '@jdpipe/catalog';

/** The overlap is judged against at most this many core skills: a role listing 15 needs no more than 8 present. */
const CORE_SKILLS_THAT_COUNT = 8;
/** Floor of a skill's weight, so "communication" still counts a little. */
const MIN_SKILL_WEIGHT = 0.25;

export interface SkillOverlap {
  score: number;
  matched: string[];
  coreCount: number;
}

/**
 * Skill overlap weighted by how specific a skill is across the library: "communication" in the core of
 * forty roles says less than "pharmacovigilance" in one. Score = matched weight / weight of the role's
 * min(core, 8) most specific core skills.
 */
export class SkillOverlapIndex {
  private readonly weightBySkill = new Map<string, number>();
  private readonly roleCore = new Map<string, { skills: string[]; fullWeight: number }>();
  private readonly rolesBySkill = new Map<string, string[]>();

  constructor(roles: readonly CatalogRole[]) {
    const roleCount = Math.max(roles.length, 2);
    const rolesPerSkill = new Map<string, number>();
    for (const role of roles) {
      for (const skill of new Set(role.coreSkills)) rolesPerSkill.set(skill, (rolesPerSkill.get(skill) ?? 0) + 1);
    }
    for (const [skill, count] of rolesPerSkill) {
      const specificity = Math.log(roleCount / count) / Math.log(roleCount);
      this.weightBySkill.set(skill, Math.min(1, Math.max(MIN_SKILL_WEIGHT, specificity)));
    }
    for (const role of roles) {
      // Most specific first (stable, so equal weights keep the catalog's order): the reasoning names the telling
      // skills before "communication", and a role's matches keep this order without a sort per posting.
      const skills = [...new Set(role.coreSkills)].sort((left, right) => this.weightOf(right) - this.weightOf(left));
      const weights = skills.map((skill) => this.weightOf(skill));
      const fullWeight = weights.slice(0, CORE_SKILLS_THAT_COUNT).reduce((sum, weight) => sum + weight, 0);
      this.roleCore.set(role.slug, { skills, fullWeight });
      for (const skill of skills) {
        const list = this.rolesBySkill.get(skill);
        if (list) list.push(role.slug);
        else this.rolesBySkill.set(skill, [role.slug]);
      }
    }
  }

  /** The roles listing at least one of the posting's skills as core: every other role overlaps with score 0. */
  rolesOverlapping(postingSkills: ReadonlySet<string>): Set<string> {
    const roles = new Set<string>();
    for (const skill of postingSkills) for (const role of this.rolesBySkill.get(skill) ?? []) roles.add(role);
    return roles;
  }

  weightOf(skill: string): number {
    return this.weightBySkill.get(skill) ?? 1;
  }

  overlap(roleSlug: string, postingSkills: ReadonlySet<string>): SkillOverlap {
    const core = this.roleCore.get(roleSlug);
    if (!core || core.skills.length === 0) return { score: 0, matched: [], coreCount: 0 };
    const matched = core.skills.filter((skill) => postingSkills.has(skill));
    const matchedWeight = matched.reduce((sum, skill) => sum + this.weightOf(skill), 0);
    return { score: Math.min(1, matchedWeight / core.fullWeight), matched, coreCount: core.skills.length };
  }
}
