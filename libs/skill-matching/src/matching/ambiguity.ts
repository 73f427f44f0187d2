import type { Catalog, CatalogSkill } from '@jdpipe/catalog';

/** What the posting says around an ambiguous alias: the skills it names unambiguously, and where. */
export interface SettledMention {
  skillSlug: string;
  sectionIndex: number | null;
}

/**
 * Ranks the skills one alias text could mean (possible once taxonomies are imported). A candidate gains
 * from unambiguous skills it shares a dimension or category with, more so in the same section, and from
 * roles that list it as a core skill together with skills the posting names. Ties keep catalog order.
 */
export class AmbiguityResolver {
  private readonly skillBySlug: Map<string, CatalogSkill>;
  private readonly coreRolesBySkill = new Map<string, Set<string>[]>();

  constructor(catalog: Catalog) {
    this.skillBySlug = new Map(catalog.skills.map((skill) => [skill.slug, skill]));
    for (const role of catalog.roles) {
      const core = new Set(role.coreSkills);
      for (const slug of core) {
        const roles = this.coreRolesBySkill.get(slug) ?? [];
        roles.push(core);
        this.coreRolesBySkill.set(slug, roles);
      }
    }
  }

  /** Candidates best first; `candidates` arrive in alias-preference order, which breaks ties. */
  rank(candidates: string[], sectionIndex: number | null, settled: SettledMention[]): string[] {
    const scored = candidates.map((slug, position) => ({ slug, position, score: this.score(slug, sectionIndex, settled) }));
    scored.sort((a, b) => b.score - a.score || a.position - b.position);
    return scored.map((candidate) => candidate.slug);
  }

  private score(slug: string, sectionIndex: number | null, settled: SettledMention[]): number {
    const candidate = this.skillBySlug.get(slug);
    if (!candidate) return 0;
    let score = 0;
    const others = new Set<string>();
    for (const mention of settled) {
      if (mention.skillSlug === slug) continue;
      others.add(mention.skillSlug);
      const other = this.skillBySlug.get(mention.skillSlug);
      if (!other) continue;
      const related = other.dimensions.some((dimension) => candidate.dimensions.includes(dimension))
        ? 2
        : other.category === candidate.category
          ? 1
          : 0;
      score += sectionIndex !== null && mention.sectionIndex === sectionIndex ? related : related / 4;
    }
    let bestRoleOverlap = 0;
    for (const core of this.coreRolesBySkill.get(slug) ?? []) {
      let overlap = 0;
      for (const other of others) if (core.has(other)) overlap++;
      bestRoleOverlap = Math.max(bestRoleOverlap, overlap);
    }
    return score + bestRoleOverlap;
  }
}
