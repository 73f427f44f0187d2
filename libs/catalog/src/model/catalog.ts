/** How a skill is used in work: drives default volatility and how it is shown to reviewers. */
export const SKILL_NATURES = [
  'TOOL',
  'LANGUAGE',
  'FRAMEWORK',
  'PLATFORM',
  'PRACTICE',
  'CONCEPT',
  'SOFT',
  'CERTIFICATION',
  'DOMAIN',
] as const;
export type SkillNature = (typeof SKILL_NATURES)[number];

export const VOLATILITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Volatility = (typeof VOLATILITIES)[number];

export const LIFESPANS = ['EVERGREEN', 'MULTI_YEAR', 'SHORT_LIVED'] as const;
export type Lifespan = (typeof LIFESPANS)[number];

export const VERSION_STRATEGIES = ['VERSIONED', 'UNVERSIONED', 'NOT_APPLICABLE'] as const;
export type VersionStrategy = (typeof VERSION_STRATEGIES)[number];

export const ALIAS_TYPES = ['canonical', 'synonym', 'abbreviation', 'misspelling'] as const;
export type AliasType = (typeof ALIAS_TYPES)[number];

export const ALIAS_MATCH_STRATEGIES = ['case_insensitive', 'case_sensitive'] as const;
export type AliasMatchStrategy = (typeof ALIAS_MATCH_STRATEGIES)[number];

/** One surface form of a skill. The canonical name is itself an alias of type `canonical`. */
export interface SkillAlias {
  text: string;
  type: AliasType;
  match: AliasMatchStrategy;
  /** When non-empty, the alias only counts if one of these words occurs in the same posting. */
  context: string[];
}

export interface CatalogSkill {
  slug: string;
  name: string;
  category: string;
  subCategory: string | null;
  nature: SkillNature;
  volatility: Volatility;
  lifespan: Lifespan;
  versionStrategy: VersionStrategy;
  aliases: SkillAlias[];
  /** Slugs of the dimensions this skill belongs to. */
  dimensions: string[];
  /** The taxonomy the skill was imported from; absent for authored skills (seed, review, catalog file). */
  importedFrom?: TaxonomySource;
}

/** A competency made of several skills, e.g. "Backend API Development". */
export interface CatalogDimension {
  slug: string;
  name: string;
  description: string;
}

export interface CatalogRole {
  slug: string;
  name: string;
  domain: string;
  description: string;
  /** Job titles that mean this role, without seniority words. */
  aliases: string[];
  /** Key responsibility areas, phrased like posting bullets. */
  kras: string[];
  coreSkills: string[];
  dimensions: string[];
  /** The taxonomy the role was imported from; absent for authored roles (seed, review, catalog file). */
  importedFrom?: TaxonomySource;
}

/**
 * Taxonomies the catalog imports. Their entries are the taxonomy's data as published: occupations without
 * tasks or skills, titles and labels shared between entries. The catalog checks hold authored entries to the
 * authoring rules and only count such gaps in imported ones.
 */
export const TAXONOMY_SOURCES = ['esco', 'onet'] as const;
export type TaxonomySource = (typeof TAXONOMY_SOURCES)[number];

/** Whether a stored row's source names a taxonomy import. */
export function isTaxonomySource(source: string | null | undefined): source is TaxonomySource {
  return (TAXONOMY_SOURCES as readonly string[]).includes(source ?? '');
}

export interface CatalogDomain {
  slug: string;
  name: string;
  /** Words whose presence in a posting points at this domain (the DOMAIN fallback signal). */
  keywords: string[];
}

/** The whole library the pipeline matches against; `version` is recorded on every run. */
export interface Catalog {
  version: number;
  skills: CatalogSkill[];
  dimensions: CatalogDimension[];
  roles: CatalogRole[];
  domains: CatalogDomain[];
}
