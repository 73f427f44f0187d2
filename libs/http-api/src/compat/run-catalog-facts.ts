import type { RunDocument } from '@jdpipe/contracts';

/** A skill's library row beyond what the run document carries: database ids and profile. */
export interface SkillFacts {
  id: number;
  /** Id of the skill's category row; 0 when the category has none. */
  categoryId: number;
  subCategory: string | null;
  volatility: string;
  lifespan: string;
  versionStrategy: string;
  /** The skill's name is also the name of a skill category. */
  isAlsoCategory: boolean;
  aliases: Array<{ id: number; text: string; type: string; match: string }>;
}

export interface DimensionFacts {
  id: number;
  description: string;
  /** Slugs of the library roles the dimension belongs to. */
  roleSlugs: string[];
}

export interface RoleFacts {
  id: number;
  description: string;
}

/** The review-queue row a proposal of the run landed in. */
export interface QueueEntryFacts {
  id: number;
  status: string;
}

/**
 * What the old system's answers show about the library that a run document does not: row ids, skill profiles,
 * dimension and role descriptions, review-queue ids and the chosen role's centroid. Keyed by slug; a slug
 * missing from a map is not in the library (any more).
 */
export interface RunCatalogFacts {
  skills: ReadonlyMap<string, SkillFacts>;
  dimensions: ReadonlyMap<string, DimensionFacts>;
  roles: ReadonlyMap<string, RoleFacts>;
  /** Domain slug → display name. */
  domainNames: ReadonlyMap<string, string>;
  /** Aligned with `run.proposals`: the queue row of each proposal, null when none was found. */
  proposalQueue: ReadonlyArray<QueueEntryFacts | null>;
  /** The chosen role's running KRA centroid after the run; null without a role or before its first run. */
  centroid: { n: number; updatedAt: string } | null;
}

/** Facts of a library that knows none of the run's slugs: every lookup falls back to the run document. */
export function noCatalogFacts(run: RunDocument): RunCatalogFacts {
  return {
    skills: new Map(),
    dimensions: new Map(),
    roles: new Map(),
    domainNames: new Map(),
    proposalQueue: run.proposals.map(() => null),
    centroid: null,
  };
}

/** The library slugs a run refers to, which the facts are looked up for. */
export function slugsOfRun(run: RunDocument): { skills: string[]; dimensions: string[]; roles: string[]; domains: string[] } {
  const skills = new Set(run.skills.map((skill) => skill.slug));
  const dimensions = new Set(run.skills.flatMap((skill) => skill.dimensions.map((dimension) => dimension.slug)));
  const roles = new Set([
    ...(run.role ? [run.role.slug] : []),
    ...run.runnersUp.map((role) => role.slug),
    ...(run.signals?.candidates.map((candidate) => candidate.slug) ?? []),
    ...(run.signals?.aliasHits.map((hit) => hit.roleSlug) ?? []),
  ]);
  const domains = new Set([
    ...(run.role?.domain ? [run.role.domain] : []),
    ...(run.signals?.domainScores.map((score) => score.domain) ?? []),
  ]);
  return { skills: [...skills], dimensions: [...dimensions], roles: [...roles], domains: [...domains] };
}
