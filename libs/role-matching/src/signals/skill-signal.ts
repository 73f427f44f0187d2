import { type CatalogRole } from '@jdpipe/catalog';

/** The overlap is judged against at most this many core skills: a role listing 15 needs no more than 8 present. */
const CORE_SKILLS_THAT_COUNT = 8;
/** Floor of a skill's weight, so "communication" still counts a little. */
const MIN_SKILL_WEIGHT = 0.25;

interface RoleCore {
  /** Most specific first. */
  skills: string[];
  skillIds: Int32Array;
  weights: Float64Array;
  fullWeight: number;
}

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
  private readonly roleCore = new Map<string, RoleCore>();
  /**
   * By integer ids, for scoring every overlapping role of a posting without string lookups: per skill id the
   * roles listing it as core, by the catalog position their slug resolves to (the last role of that slug).
   */
  private readonly skillIds = new Map<string, number>();
  private readonly positionsBySkill: number[][] = [];
  /** Undefined at positions whose slug a later role takes over. */
  private readonly coreByPosition: Array<RoleCore | undefined>;
  /** Scratch marks by skill id and by position: equal to `stamp` means set in the current call. */
  private readonly skillStamps: Int32Array;
  private readonly positionStamps: Int32Array;
  private stamp = 0;

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
    const rolesBySkill = new Map<string, string[]>();
    for (const role of roles) {
      // Most specific first (stable, so equal weights keep the catalog's order): the reasoning names the telling
      // skills before "communication", and a role's matches keep this order without a sort per posting.
      const skills = [...new Set(role.coreSkills)].sort((left, right) => this.weightOf(right) - this.weightOf(left));
      const weights = skills.map((skill) => this.weightOf(skill));
      const fullWeight = weights.slice(0, CORE_SKILLS_THAT_COUNT).reduce((sum, weight) => sum + weight, 0);
      const skillIds = Int32Array.from(skills, (skill) => this.skillIdFor(skill));
      this.roleCore.set(role.slug, { skills, skillIds, weights: Float64Array.from(weights), fullWeight });
      for (const skill of skills) {
        const list = rolesBySkill.get(skill);
        if (list) list.push(role.slug);
        else rolesBySkill.set(skill, [role.slug]);
      }
    }
    const lastPosition = new Map<string, number>();
    roles.forEach((role, position) => lastPosition.set(role.slug, position));
    this.coreByPosition = roles.map((role, position) =>
      lastPosition.get(role.slug) === position ? this.roleCore.get(role.slug) : undefined,
    );
    for (const [skill, slugs] of rolesBySkill)
      this.positionsBySkill[this.skillIds.get(skill)!] = slugs.map((slug) => lastPosition.get(slug)!);
    this.skillStamps = new Int32Array(this.skillIds.size);
    this.positionStamps = new Int32Array(roles.length);
  }

  /**
   * Gives `onScore` the catalog position and overlap score of every role listing at least one of the posting's
   * skills as core (every other role scores 0): `overlap(...).score` for each, from integer marks instead.
   */
  scoreOverlapping(postingSkills: ReadonlySet<string>, onScore: (position: number, score: number) => void): void {
    const { skillStamps, positionStamps } = this;
    const stamp = ++this.stamp;
    const postingSkillIds: number[] = [];
    for (const skill of postingSkills) {
      const id = this.skillIds.get(skill);
      if (id === undefined) continue;
      skillStamps[id] = stamp;
      postingSkillIds.push(id);
    }
    for (const id of postingSkillIds) {
      for (const position of this.positionsBySkill[id]) {
        if (positionStamps[position] === stamp) continue;
        positionStamps[position] = stamp;
        const core = this.coreByPosition[position]!;
        if (core.skills.length === 0) {
          onScore(position, 0);
          continue;
        }
        // Summed in core order from 0, as `overlap` sums its matched skills: the same score to the bit.
        let matchedWeight = 0;
        for (let index = 0; index < core.skillIds.length; index++)
          if (skillStamps[core.skillIds[index]] === stamp) matchedWeight += core.weights[index];
        onScore(position, Math.min(1, matchedWeight / core.fullWeight));
      }
    }
  }

  private skillIdFor(skill: string): number {
    let id = this.skillIds.get(skill);
    if (id === undefined) {
      id = this.skillIds.size;
      this.skillIds.set(skill, id);
    }
    return id;
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
