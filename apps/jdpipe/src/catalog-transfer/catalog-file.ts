import {
  ALIAS_MATCH_STRATEGIES,
  ALIAS_TYPES,
  TAXONOMY_SOURCES,
  LIFESPANS,
  SKILL_NATURES,
  VERSION_STRATEGIES,
  VOLATILITIES,
  checkCatalog,
  type Catalog,
  type CatalogDimension,
  type CatalogDomain,
  type CatalogRole,
  type CatalogSkill,
  type SkillAlias,
} from '@jdpipe/catalog';

export interface CatalogFileCategory {
  name: string;
  skillCount: number;
}

/** The portable form of a catalog: what `catalog export` writes and `catalog import-file` reads. */
export interface CatalogFile {
  catalogVersion: number;
  exportedAt: string;
  categories: CatalogFileCategory[];
  dimensions: CatalogDimension[];
  domains: CatalogDomain[];
  roles: CatalogRole[];
  skills: CatalogSkill[];
}

const bySlug = <T extends { slug: string }>(items: T[]): T[] => [...items].sort((a, b) => compareText(a.slug, b.slug));

// Plain code-point order, so the output does not depend on the machine's locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The catalog with entries sorted by slug and every object's keys in a fixed order, so two exports of the
 * same catalog differ only in `exportedAt`. Lists inside an entry keep their order: it carries meaning
 * (the canonical alias first, KRAs as authored).
 */
export function toCatalogFile(catalog: Catalog, exportedAt: Date): CatalogFile {
  const counts = new Map<string, number>();
  for (const skill of catalog.skills) counts.set(skill.category, (counts.get(skill.category) ?? 0) + 1);
  return {
    catalogVersion: catalog.version,
    exportedAt: exportedAt.toISOString(),
    categories: [...counts].sort(([a], [b]) => compareText(a, b)).map(([name, skillCount]) => ({ name, skillCount })),
    dimensions: bySlug(catalog.dimensions).map((dimension) => ({
      slug: dimension.slug,
      name: dimension.name,
      description: dimension.description,
    })),
    domains: bySlug(catalog.domains).map((domain) => ({ slug: domain.slug, name: domain.name, keywords: [...domain.keywords] })),
    roles: bySlug(catalog.roles).map((role) => ({
      slug: role.slug,
      name: role.name,
      domain: role.domain,
      description: role.description,
      aliases: [...role.aliases],
      kras: [...role.kras],
      coreSkills: [...role.coreSkills],
      dimensions: [...role.dimensions],
      ...(role.importedFrom ? { importedFrom: role.importedFrom } : {}),
    })),
    skills: bySlug(catalog.skills).map((skill) => ({
      slug: skill.slug,
      name: skill.name,
      category: skill.category,
      subCategory: skill.subCategory,
      nature: skill.nature,
      volatility: skill.volatility,
      lifespan: skill.lifespan,
      versionStrategy: skill.versionStrategy,
      aliases: skill.aliases.map((alias) => ({ text: alias.text, type: alias.type, match: alias.match, context: [...alias.context] })),
      dimensions: [...skill.dimensions],
      ...(skill.importedFrom ? { importedFrom: skill.importedFrom } : {}),
    })),
  };
}

export type CatalogFileReading = { ok: true; catalog: Catalog; warnings: string[] } | { ok: false; errors: string[] };

/**
 * Reads an exported catalog: JSON syntax, then the shape of every entry (each error names its path, e.g.
 * `skills[3].aliases[0].type`), then the catalog checks. Any error refuses the whole file.
 */
export function readCatalogFile(text: string): CatalogFileReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const shape = new ShapeReader();
  const catalog = shape.catalog(parsed);
  if (!catalog || shape.errors.length > 0) return { ok: false, errors: shape.errors };
  const findings = checkCatalog(catalog);
  const errors = findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.code}: ${finding.message}`);
  if (errors.length > 0) return { ok: false, errors };
  const warnings = findings.filter((finding) => finding.severity === 'warning').map((finding) => `${finding.code}: ${finding.message}`);
  return { ok: true, catalog, warnings };
}

type Json = Record<string, unknown>;

/** Checks the parsed JSON against the model, collecting every problem instead of stopping at the first. */
class ShapeReader {
  readonly errors: string[] = [];

  catalog(value: unknown): Catalog | null {
    const root = this.object(value, '$');
    if (!root) return null;
    const version = root.catalogVersion;
    if (version !== undefined && !(Number.isInteger(version) && (version as number) >= 0)) {
      this.errors.push('catalogVersion: expected a non-negative integer');
    }
    // Categories are derived from the skills on export; on import they are only checked for shape.
    if (root.categories !== undefined) {
      this.list(root.categories, 'categories', (item, path) => {
        const category = this.object(item, path);
        if (!category) return null;
        this.text(category.name, `${path}.name`);
        if (!Number.isInteger(category.skillCount)) this.errors.push(`${path}.skillCount: expected an integer`);
        return null;
      });
    }
    const catalog: Catalog = {
      version: 0,
      dimensions: this.entries(root.dimensions, 'dimensions', (entry, path) => ({
        slug: this.slug(entry.slug, `${path}.slug`),
        name: this.text(entry.name, `${path}.name`),
        description: this.text(entry.description, `${path}.description`, { allowEmpty: true }),
      })),
      domains: this.entries(root.domains, 'domains', (entry, path) => ({
        slug: this.slug(entry.slug, `${path}.slug`),
        name: this.text(entry.name, `${path}.name`),
        keywords: this.texts(entry.keywords, `${path}.keywords`),
      })),
      roles: this.entries(root.roles, 'roles', (entry, path) => ({
        slug: this.slug(entry.slug, `${path}.slug`),
        name: this.text(entry.name, `${path}.name`),
        domain: this.text(entry.domain, `${path}.domain`),
        description: this.text(entry.description, `${path}.description`, { allowEmpty: true }),
        aliases: this.texts(entry.aliases, `${path}.aliases`),
        kras: this.texts(entry.kras, `${path}.kras`),
        coreSkills: this.texts(entry.coreSkills, `${path}.coreSkills`),
        dimensions: this.texts(entry.dimensions, `${path}.dimensions`),
        ...(entry.importedFrom === undefined
          ? {}
          : { importedFrom: this.oneOf(entry.importedFrom, TAXONOMY_SOURCES, `${path}.importedFrom`) }),
      })),
      skills: this.entries(root.skills, 'skills', (entry, path) => ({
        slug: this.slug(entry.slug, `${path}.slug`),
        name: this.text(entry.name, `${path}.name`),
        category: this.text(entry.category, `${path}.category`),
        subCategory: this.optionalText(entry.subCategory, `${path}.subCategory`),
        nature: this.oneOf(entry.nature, SKILL_NATURES, `${path}.nature`),
        volatility: this.oneOf(entry.volatility, VOLATILITIES, `${path}.volatility`),
        lifespan: this.oneOf(entry.lifespan, LIFESPANS, `${path}.lifespan`),
        versionStrategy: this.oneOf(entry.versionStrategy, VERSION_STRATEGIES, `${path}.versionStrategy`),
        aliases: this.list(entry.aliases, `${path}.aliases`, (item, aliasPath) => this.alias(item, aliasPath)),
        dimensions: this.texts(entry.dimensions, `${path}.dimensions`),
        ...(entry.importedFrom === undefined
          ? {}
          : { importedFrom: this.oneOf(entry.importedFrom, TAXONOMY_SOURCES, `${path}.importedFrom`) }),
      })),
    };
    return catalog;
  }

  private alias(value: unknown, path: string): SkillAlias | null {
    const alias = this.object(value, path);
    if (!alias) return null;
    return {
      text: this.text(alias.text, `${path}.text`),
      type: this.oneOf(alias.type, ALIAS_TYPES, `${path}.type`),
      match: this.oneOf(alias.match, ALIAS_MATCH_STRATEGIES, `${path}.match`),
      context: alias.context === undefined ? [] : this.texts(alias.context, `${path}.context`),
    };
  }

  private entries<T>(value: unknown, path: string, read: (entry: Json, path: string) => T): T[] {
    return this.list(value, path, (item, itemPath) => {
      const entry = this.object(item, itemPath);
      return entry ? read(entry, itemPath) : null;
    });
  }

  private list<T>(value: unknown, path: string, read: (item: unknown, path: string) => T | null): T[] {
    if (!Array.isArray(value)) {
      this.errors.push(`${path}: expected an array`);
      return [];
    }
    return value.flatMap((item: unknown, index) => {
      const entry = read(item, `${path}[${index}]`);
      return entry === null ? [] : [entry];
    });
  }

  private object(value: unknown, path: string): Json | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.errors.push(`${path}: expected an object`);
    return null;
  }

  private text(value: unknown, path: string, options: { allowEmpty?: boolean } = {}): string {
    if (typeof value === 'string' && (options.allowEmpty || value.trim() !== '')) return value;
    this.errors.push(`${path}: expected ${options.allowEmpty ? 'a string' : 'a non-empty string'}`);
    return '';
  }

  private optionalText(value: unknown, path: string): string | null {
    if (value === null || (typeof value === 'string' && value.trim() !== '')) return value;
    this.errors.push(`${path}: expected a non-empty string or null`);
    return null;
  }

  private slug(value: unknown, path: string): string {
    const slug = this.text(value, path);
    if (/\s/.test(slug)) this.errors.push(`${path}: "${slug}" is not a slug (it contains white space)`);
    return slug;
  }

  private texts(value: unknown, path: string): string[] {
    return this.list(value, path, (item, itemPath) => this.text(item, itemPath));
  }

  private oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.errors.push(`${path}: expected one of ${allowed.join(', ')}, found ${JSON.stringify(value)}`);
    return allowed[0];
  }
}
