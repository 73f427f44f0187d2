import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parse } from 'yaml';

import {
  ALIAS_MATCH_STRATEGIES,
  LIFESPANS,
  SKILL_NATURES,
  VERSION_STRATEGIES,
  VOLATILITIES,
  type AliasMatchStrategy,
  type Catalog,
  type CatalogDimension,
  type CatalogDomain,
  type CatalogRole,
  type CatalogSkill,
  type Lifespan,
  type SkillAlias,
  type SkillNature,
  type VersionStrategy,
  type Volatility,
} from '../model/catalog';

/** A defect found while reading seed files, located by file and entry. */
export interface SeedProblem {
  file: string;
  entry: string;
  message: string;
}

export interface SeedCatalog {
  catalog: Catalog;
  /** Hash of the seed content, so a database knows whether its seeded catalog is current. */
  contentHash: string;
  problems: SeedProblem[];
}

/** Walks up from this file to the folder holding the authored seed catalog (works from src and dist). */
export function defaultSeedDir(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 8; depth++) {
    const candidate = join(dir, 'libs', 'catalog', 'seed');
    if (existsSync(join(candidate, 'domains.yaml'))) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('Seed catalog not found: expected libs/catalog/seed/domains.yaml above ' + __dirname);
}

/** Reads the YAML seed catalog: domains.yaml plus every file of skills/, roles/ and dimensions/. */
export function loadSeedCatalog(seedDir: string = defaultSeedDir()): SeedCatalog {
  const problems: SeedProblem[] = [];
  const hash = createHash('sha256');
  const readList = (file: string): Record<string, unknown>[] => {
    const text = readFileSync(file, 'utf8');
    hash.update(file.slice(seedDir.length)).update(text);
    let parsed: unknown;
    try {
      parsed = parse(text);
    } catch (error) {
      problems.push({ file, entry: '-', message: `invalid YAML: ${(error as Error).message}` });
      return [];
    }
    if (!Array.isArray(parsed)) {
      problems.push({ file, entry: '-', message: 'expected a top-level list' });
      return [];
    }
    return parsed.filter((item, index) => {
      const isObject = typeof item === 'object' && item !== null;
      if (!isObject) problems.push({ file, entry: `#${index}`, message: 'entry is not a mapping' });
      return isObject;
    }) as Record<string, unknown>[];
  };
  const readFolder = <T>(folder: string, toEntry: (raw: Record<string, unknown>, at: FieldReader) => T): T[] =>
    yamlFiles(join(seedDir, folder)).flatMap((file) =>
      readList(file).map((raw, index) => toEntry(raw, new FieldReader(file, `${String(raw.slug ?? `#${index}`)}`, raw, problems))),
    );

  const domains = readList(join(seedDir, 'domains.yaml')).map((raw, index) =>
    toDomain(new FieldReader('domains.yaml', String(raw.slug ?? `#${index}`), raw, problems)),
  );
  const skills = readFolder('skills', (_raw, at) => toSkill(at));
  const dimensions = readFolder('dimensions', (_raw, at) => toDimension(at));
  const roles = readFolder('roles', (_raw, at) => toRole(at));
  return {
    catalog: { version: 0, skills, dimensions, roles, domains },
    contentHash: hash.digest('hex').slice(0, 16),
    problems,
  };
}

function yamlFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(folder, name));
}

function toDomain(at: FieldReader): CatalogDomain {
  return { slug: at.slug(), name: at.text('name'), keywords: at.list('keywords') };
}

function toDimension(at: FieldReader): CatalogDimension {
  return { slug: at.slug(), name: at.text('name'), description: at.optionalText('description') ?? '' };
}

function toRole(at: FieldReader): CatalogRole {
  return {
    slug: at.slug(),
    name: at.text('name'),
    domain: at.text('domain'),
    description: at.optionalText('description') ?? '',
    aliases: at.list('aliases'),
    kras: at.list('kras'),
    coreSkills: at.list('coreSkills'),
    dimensions: at.list('dimensions'),
  };
}

// Defaults follow the nature: a framework changes fast, a soft skill hardly ever.
const DEFAULT_VOLATILITY: Record<SkillNature, Volatility> = {
  TOOL: 'MEDIUM',
  LANGUAGE: 'LOW',
  FRAMEWORK: 'HIGH',
  PLATFORM: 'MEDIUM',
  PRACTICE: 'LOW',
  CONCEPT: 'LOW',
  SOFT: 'LOW',
  CERTIFICATION: 'MEDIUM',
  DOMAIN: 'LOW',
};

function toSkill(at: FieldReader): CatalogSkill {
  const name = at.text('name');
  const nature = at.oneOf<SkillNature>('nature', SKILL_NATURES, 'CONCEPT');
  const canonical: SkillAlias = {
    text: name,
    type: 'canonical',
    match: at.oneOf<AliasMatchStrategy>('nameMatch', ALIAS_MATCH_STRATEGIES, 'case_insensitive'),
    context: at.list('nameContext'),
  };
  return {
    slug: at.slug(),
    name,
    category: at.text('category'),
    subCategory: at.optionalText('subCategory'),
    nature,
    volatility: at.oneOf<Volatility>('volatility', VOLATILITIES, DEFAULT_VOLATILITY[nature]),
    lifespan: at.oneOf<Lifespan>('lifespan', LIFESPANS, nature === 'FRAMEWORK' ? 'MULTI_YEAR' : 'EVERGREEN'),
    versionStrategy: at.oneOf<VersionStrategy>('versionStrategy', VERSION_STRATEGIES, 'NOT_APPLICABLE'),
    aliases: [canonical, ...at.aliases('aliases')],
    dimensions: at.list('dimensions'),
  };
}

/** Reads typed fields from one raw YAML entry, recording what is missing or malformed. */
class FieldReader {
  constructor(
    private readonly file: string,
    private readonly entry: string,
    private readonly raw: Record<string, unknown>,
    private readonly problems: SeedProblem[],
  ) {}

  slug(): string {
    const slug = this.text('slug');
    if (slug && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) this.report(`slug "${slug}" is not kebab-case`);
    return slug;
  }

  text(field: string): string {
    const value = this.optionalText(field);
    if (value === null) {
      this.report(`missing ${field}`);
      return '';
    }
    return value;
  }

  optionalText(field: string): string | null {
    const value = this.raw[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.report(`${field} must be text`);
      return null;
    }
    return String(value).trim();
  }

  list(field: string): string[] {
    const value = this.raw[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.report(`${field} must be a list`);
      return [];
    }
    return value
      .filter((item) => {
        const ok = typeof item === 'string' || typeof item === 'number';
        if (!ok) this.report(`${field} holds a non-text item`);
        return ok;
      })
      .map((item) => String(item).trim());
  }

  oneOf<T extends string>(field: string, allowed: readonly string[], fallback: T): T {
    const value = this.optionalText(field);
    if (value === null) return fallback;
    if (!allowed.includes(value)) {
      this.report(`${field} "${value}" is not one of ${allowed.join('|')}`);
      return fallback;
    }
    return value as T;
  }

  aliases(field: string): SkillAlias[] {
    const value = this.raw[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.report(`${field} must be a list`);
      return [];
    }
    return value.flatMap((item): SkillAlias[] => {
      if (typeof item === 'string' || typeof item === 'number') return [plainAlias(String(item).trim())];
      if (typeof item === 'object' && item !== null && typeof (item as { text?: unknown }).text === 'string') {
        const spec = item as { text: string; match?: unknown; context?: unknown; type?: unknown };
        const match = ALIAS_MATCH_STRATEGIES.find((m) => m === spec.match) ?? 'case_insensitive';
        if (spec.match !== undefined && match !== spec.match) this.report(`alias "${spec.text}" has unknown match ${String(spec.match)}`);
        const context = Array.isArray(spec.context) ? spec.context.map((word) => String(word)) : [];
        return [{ ...plainAlias(spec.text.trim()), match, context }];
      }
      this.report(`${field} holds an alias that is neither text nor {text, match, context}`);
      return [];
    });
  }

  private report(message: string): void {
    this.problems.push({ file: this.file, entry: this.entry, message });
  }
}

// Short all-capital forms (ML, K8s, PMP) read as abbreviations; everything else as a synonym.
function plainAlias(text: string): SkillAlias {
  const isAbbreviation = text.length <= 6 && /^[A-Z0-9][A-Z0-9.&/+#-]*s?$/.test(text);
  return { text, type: isAbbreviation ? 'abbreviation' : 'synonym', match: 'case_insensitive', context: [] };
}
