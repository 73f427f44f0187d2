import type { DataSource, EntityManager } from 'typeorm';

import type {
  AliasMatchStrategy,
  AliasType,
  Catalog,
  CatalogDimension,
  CatalogDomain,
  CatalogRole,
  CatalogSkill,
  Lifespan,
  SeedCatalog,
  SkillNature,
  VersionStrategy,
  Volatility,
} from '@jdpipe/catalog';
import { isTaxonomySource } from '@jdpipe/catalog';

/** Rows owned by the YAML seed; a sync never touches rows with any other source. */
const SEED_SOURCE = 'seed';
// Serialises concurrent syncs (several services start at once) without blocking readers.
const SYNC_LOCK_KEY = 4_207_311;

interface ChangeCount {
  inserted: number;
  updated: number;
  deleted: number;
}

/**
 * The catalog tables: syncs the YAML seed into them and reads the whole catalog back.
 * Every statement is set-based (arrays unnested server-side), so the cost does not grow with round trips.
 */
export class CatalogStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Makes the database catalog match the seed and returns the catalog version. Unchanged seed (same
   * content hash as the latest version): nothing is written. Otherwise one transaction inserts new rows,
   * updates changed ones, deletes seed rows the seed no longer has, leaves non-seed rows alone and
   * records a new version.
   */
  async syncSeed(seed: SeedCatalog): Promise<number> {
    const problems = danglingReferences(seed.catalog);
    if (problems.length > 0) {
      throw new Error(`Seed catalog has unresolved references: ${problems.slice(0, 10).join('; ')}`);
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SYNC_LOCK_KEY]);
      const latest = await this.latestVersionRow(manager);
      if (latest && latest.content_hash === seed.contentHash) return latest.id;

      const catalog = dedupeCatalog(seed.catalog);
      const changes: Record<string, ChangeCount> = {};
      // Parents before children, removals children-first (handled by ON DELETE CASCADE).
      changes.domains = await upsertDomains(manager, catalog.domains);
      await insertCategories(manager, catalog.skills);
      changes.skills = await upsertSkills(manager, catalog.skills);
      changes.dimensions = await upsertDimensions(manager, catalog.dimensions);
      changes.roles = await upsertRoles(manager, catalog.roles);
      changes.aliases = await syncSkillAliases(manager, catalog.skills);
      changes.skillDimensions = await syncChildList(
        manager,
        SKILL_DIMENSIONS,
        catalog.skills.flatMap((skill) => skill.dimensions.map((dimension) => [skill.slug, dimension] as const)),
      );
      changes.roleAliases = await syncChildList(
        manager,
        ROLE_ALIASES,
        pairs(catalog.roles, (role) => role.aliases),
      );
      changes.kras = await syncChildList(
        manager,
        ROLE_KRAS,
        pairs(catalog.roles, (role) => role.kras),
      );
      changes.coreSkills = await syncChildList(
        manager,
        ROLE_CORE_SKILLS,
        pairs(catalog.roles, (role) => role.coreSkills),
      );
      changes.roleDimensions = await syncChildList(
        manager,
        ROLE_DIMENSIONS,
        pairs(catalog.roles, (role) => role.dimensions),
      );
      // Removed parents last: their seed children are gone by cascade, references are already re-pointed.
      changes.roles.deleted = await deleteMissing(manager, 'roles', catalog.roles);
      changes.skills.deleted = await deleteMissing(manager, 'skills', catalog.skills);
      changes.dimensions.deleted = await deleteMissing(manager, 'dimensions', catalog.dimensions);
      changes.domains.deleted = await deleteMissing(manager, 'domains', catalog.domains);

      const rows: Array<{ id: number }> = await manager.query(
        'INSERT INTO catalog_versions (content_hash, reason) VALUES ($1, $2) RETURNING id',
        [seed.contentHash, describeChanges(seed.contentHash, changes)],
      );
      return rows[0].id;
    });
  }

  /** The latest catalog version, or null before the first sync. */
  async latestVersion(): Promise<number | null> {
    const latest = await this.latestVersionRow(this.dataSource.manager);
    return latest?.id ?? null;
  }

  /** Reads the whole catalog from one consistent snapshot, in a fixed number of queries. */
  async loadCatalog(): Promise<Catalog> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const latest = await this.latestVersionRow(manager);
      const domainRows: DomainRow[] = await manager.query('SELECT slug, name, keywords FROM domains ORDER BY slug');
      const dimensionRows: DimensionRow[] = await manager.query('SELECT slug, name, description FROM dimensions ORDER BY slug');
      const skillRows: SkillRow[] = await manager.query(
        `SELECT id, slug, name, category, sub_category, nature, volatility, lifespan, version_strategy, source
         FROM skills WHERE retired_at IS NULL ORDER BY slug`,
      );
      const aliasRows: AliasRow[] = await manager.query(
        `SELECT skill_id, text, alias_type, match_strategy, context
         FROM skill_aliases ORDER BY skill_id, position, id`,
      );
      const skillDimensionRows: Array<{ skill_id: number; slug: string }> = await manager.query(
        `SELECT sd.skill_id, d.slug FROM skill_dimensions sd JOIN dimensions d ON d.id = sd.dimension_id
         ORDER BY sd.skill_id, sd.position, d.slug`,
      );
      // Entries a newer import release dropped stay in the tables for history, but no longer match.
      const roleRows: RoleRow[] = await manager.query(
        'SELECT id, slug, name, domain, description, source FROM roles WHERE retired_at IS NULL ORDER BY slug',
      );
      const roleListRows: RoleListRow[] = await manager.query(
        `SELECT 'aliases' AS list, role_id, position, text AS value FROM role_aliases
         UNION ALL SELECT 'kras', role_id, position, text FROM role_kras
         UNION ALL SELECT 'coreSkills', rc.role_id, rc.position, s.slug
           FROM role_core_skills rc JOIN skills s ON s.id = rc.skill_id WHERE s.retired_at IS NULL
         UNION ALL SELECT 'dimensions', rd.role_id, rd.position, d.slug
           FROM role_dimensions rd JOIN dimensions d ON d.id = rd.dimension_id
         ORDER BY role_id, list, position, value`,
      );

      const skills = new Map<number, CatalogSkill>(skillRows.map((row) => [row.id, toCatalogSkill(row)]));
      for (const row of aliasRows) {
        skills.get(row.skill_id)?.aliases.push({
          text: row.text,
          // CHECK constraints restrict these columns to the model's values.
          type: row.alias_type as AliasType,
          match: row.match_strategy as AliasMatchStrategy,
          context: row.context,
        });
      }
      for (const row of skillDimensionRows) skills.get(row.skill_id)?.dimensions.push(row.slug);

      const roles = new Map<number, CatalogRole>(roleRows.map((row) => [row.id, toCatalogRole(row)]));
      for (const row of roleListRows) roles.get(row.role_id)?.[row.list].push(row.value);

      return {
        version: latest?.id ?? 0,
        skills: [...skills.values()],
        dimensions: dimensionRows.map((row): CatalogDimension => ({ ...row })),
        roles: [...roles.values()],
        domains: domainRows.map((row): CatalogDomain => ({ ...row })),
      };
    });
  }

  private async latestVersionRow(manager: EntityManager): Promise<{ id: number; content_hash: string } | null> {
    const rows: Array<{ id: number; content_hash: string }> = await manager.query(
      'SELECT id, content_hash FROM catalog_versions ORDER BY id DESC LIMIT 1',
    );
    return rows[0] ?? null;
  }
}

interface DomainRow {
  slug: string;
  name: string;
  keywords: string[];
}

interface DimensionRow {
  slug: string;
  name: string;
  description: string;
}

/** A `skills` row as the catalog reads it. */
export interface SkillRow {
  id: number;
  slug: string;
  name: string;
  category: string;
  sub_category: string | null;
  nature: string;
  volatility: string;
  lifespan: string;
  version_strategy: string;
  source: string;
}

interface AliasRow {
  skill_id: number;
  text: string;
  alias_type: string;
  match_strategy: string;
  context: string[];
}

interface RoleRow {
  id: number;
  slug: string;
  name: string;
  domain: string;
  description: string;
  source: string;
}

interface RoleListRow {
  list: 'aliases' | 'kras' | 'coreSkills' | 'dimensions';
  role_id: number;
  value: string;
}

function toCatalogSkill(row: SkillRow): CatalogSkill {
  return {
    slug: row.slug,
    name: row.name,
    category: row.category,
    subCategory: row.sub_category,
    nature: row.nature as SkillNature,
    volatility: row.volatility as Volatility,
    lifespan: row.lifespan as Lifespan,
    versionStrategy: row.version_strategy as VersionStrategy,
    aliases: [],
    dimensions: [],
    ...(isTaxonomySource(row.source) ? { importedFrom: row.source } : {}),
  };
}

function toCatalogRole(row: RoleRow): CatalogRole {
  return {
    slug: row.slug,
    name: row.name,
    domain: row.domain,
    description: row.description,
    aliases: [],
    kras: [],
    coreSkills: [],
    dimensions: [],
    ...(isTaxonomySource(row.source) ? { importedFrom: row.source } : {}),
  };
}

/** References the database could not resolve: the sync refuses them rather than dropping them silently. */
function danglingReferences(catalog: Catalog): string[] {
  const skills = new Set(catalog.skills.map((skill) => skill.slug));
  const dimensions = new Set(catalog.dimensions.map((dimension) => dimension.slug));
  const domains = new Set(catalog.domains.map((domain) => domain.slug));
  const problems: string[] = [];
  for (const skill of catalog.skills) {
    for (const dimension of skill.dimensions) {
      if (!dimensions.has(dimension)) problems.push(`skill ${skill.slug} → unknown dimension ${dimension}`);
    }
  }
  for (const role of catalog.roles) {
    if (!domains.has(role.domain)) problems.push(`role ${role.slug} → unknown domain ${role.domain}`);
    for (const skill of role.coreSkills) {
      if (!skills.has(skill)) problems.push(`role ${role.slug} → unknown core skill ${skill}`);
    }
    for (const dimension of role.dimensions) {
      if (!dimensions.has(dimension)) problems.push(`role ${role.slug} → unknown dimension ${dimension}`);
    }
  }
  return problems;
}

/** First entry wins for a repeated slug, and repeated list items are dropped, so upserts never hit a row twice. */
function dedupeCatalog(catalog: Catalog): Catalog {
  const uniqueBy = <T>(items: T[], key: (item: T) => string): T[] => {
    const seen = new Set<string>();
    return items.filter((item) => {
      if (seen.has(key(item))) return false;
      seen.add(key(item));
      return true;
    });
  };
  const distinct = (items: string[]) => [...new Set(items)];
  return {
    ...catalog,
    domains: uniqueBy(catalog.domains, (domain) => domain.slug),
    dimensions: uniqueBy(catalog.dimensions, (dimension) => dimension.slug),
    skills: uniqueBy(catalog.skills, (skill) => skill.slug).map((skill) => ({
      ...skill,
      aliases: uniqueBy(skill.aliases, (alias) => alias.text),
      dimensions: distinct(skill.dimensions),
    })),
    roles: uniqueBy(catalog.roles, (role) => role.slug).map((role) => ({
      ...role,
      aliases: distinct(role.aliases),
      kras: distinct(role.kras),
      coreSkills: distinct(role.coreSkills),
      dimensions: distinct(role.dimensions),
    })),
  };
}

function pairs(roles: CatalogRole[], list: (role: CatalogRole) => string[]): Array<readonly [string, string]> {
  return roles.flatMap((role) => list(role).map((value) => [role.slug, value] as const));
}

type UpsertRow = { inserted: boolean };

function countUpserts(rows: UpsertRow[]): ChangeCount {
  const inserted = rows.filter((row) => row.inserted).length;
  return { inserted, updated: rows.length - inserted, deleted: 0 };
}

// `xmax = 0` is true for a freshly inserted row and false for one the ON CONFLICT branch updated.
async function upsertDomains(manager: EntityManager, domains: CatalogDomain[]): Promise<ChangeCount> {
  const rows: UpsertRow[] = await manager.query(
    `INSERT INTO domains (slug, name, keywords, source)
     SELECT u.slug, u.name, ARRAY(SELECT jsonb_array_elements_text(u.keywords::jsonb)), '${SEED_SOURCE}'
     FROM unnest($1::text[], $2::text[], $3::text[]) AS u(slug, name, keywords)
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, keywords = EXCLUDED.keywords, updated_at = now()
     WHERE domains.source = '${SEED_SOURCE}'
       AND (domains.name, domains.keywords) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.keywords)
     RETURNING (xmax = 0) AS inserted`,
    [domains.map((domain) => domain.slug), domains.map((domain) => domain.name), domains.map((domain) => JSON.stringify(domain.keywords))],
  );
  return countUpserts(rows);
}

async function insertCategories(manager: EntityManager, skills: CatalogSkill[]): Promise<void> {
  await manager.query(`INSERT INTO skill_categories (name) SELECT DISTINCT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`, [
    [...new Set(skills.map((skill) => skill.category))],
  ]);
}

async function upsertSkills(manager: EntityManager, skills: CatalogSkill[]): Promise<ChangeCount> {
  const rows: UpsertRow[] = await manager.query(
    `INSERT INTO skills (slug, name, category, sub_category, nature, volatility, lifespan, version_strategy, source)
     SELECT u.*, '${SEED_SOURCE}'
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS u(slug, name, category, sub_category, nature, volatility, lifespan, version_strategy)
     ON CONFLICT (slug) DO UPDATE SET
       name = EXCLUDED.name, category = EXCLUDED.category, sub_category = EXCLUDED.sub_category,
       nature = EXCLUDED.nature, volatility = EXCLUDED.volatility, lifespan = EXCLUDED.lifespan,
       version_strategy = EXCLUDED.version_strategy, updated_at = now()
     WHERE skills.source = '${SEED_SOURCE}'
       AND (skills.name, skills.category, skills.sub_category, skills.nature, skills.volatility, skills.lifespan,
            skills.version_strategy)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.category, EXCLUDED.sub_category, EXCLUDED.nature,
            EXCLUDED.volatility, EXCLUDED.lifespan, EXCLUDED.version_strategy)
     RETURNING (xmax = 0) AS inserted`,
    [
      skills.map((skill) => skill.slug),
      skills.map((skill) => skill.name),
      skills.map((skill) => skill.category),
      skills.map((skill) => skill.subCategory),
      skills.map((skill) => skill.nature),
      skills.map((skill) => skill.volatility),
      skills.map((skill) => skill.lifespan),
      skills.map((skill) => skill.versionStrategy),
    ],
  );
  return countUpserts(rows);
}

async function upsertDimensions(manager: EntityManager, dimensions: CatalogDimension[]): Promise<ChangeCount> {
  const rows: UpsertRow[] = await manager.query(
    `INSERT INTO dimensions (slug, name, description, source)
     SELECT u.*, '${SEED_SOURCE}' FROM unnest($1::text[], $2::text[], $3::text[]) AS u(slug, name, description)
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, updated_at = now()
     WHERE dimensions.source = '${SEED_SOURCE}'
       AND (dimensions.name, dimensions.description) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description)
     RETURNING (xmax = 0) AS inserted`,
    [
      dimensions.map((dimension) => dimension.slug),
      dimensions.map((dimension) => dimension.name),
      dimensions.map((dimension) => dimension.description),
    ],
  );
  return countUpserts(rows);
}

async function upsertRoles(manager: EntityManager, roles: CatalogRole[]): Promise<ChangeCount> {
  const rows: UpsertRow[] = await manager.query(
    `INSERT INTO roles (slug, name, domain, description, source)
     SELECT u.*, '${SEED_SOURCE}' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(slug, name, domain, description)
     ON CONFLICT (slug) DO UPDATE SET
       name = EXCLUDED.name, domain = EXCLUDED.domain, description = EXCLUDED.description, updated_at = now()
     WHERE roles.source = '${SEED_SOURCE}'
       AND (roles.name, roles.domain, roles.description)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.domain, EXCLUDED.description)
     RETURNING (xmax = 0) AS inserted`,
    [
      roles.map((role) => role.slug),
      roles.map((role) => role.name),
      roles.map((role) => role.domain),
      roles.map((role) => role.description),
    ],
  );
  return countUpserts(rows);
}

type ParentTable = 'domains' | 'skills' | 'dimensions' | 'roles';

async function deleteMissing(manager: EntityManager, table: ParentTable, kept: Array<{ slug: string }>): Promise<number> {
  const [, deleted]: [unknown, number] = await manager.query(
    `DELETE FROM ${table} WHERE source = '${SEED_SOURCE}' AND NOT (slug = ANY($1::text[]))`,
    [kept.map((row) => row.slug)],
  );
  return deleted ?? 0;
}

async function syncSkillAliases(manager: EntityManager, skills: CatalogSkill[]): Promise<ChangeCount> {
  const aliases = skills.flatMap((skill) => skill.aliases.map((alias, position) => ({ skill: skill.slug, alias, position })));
  const slugs = aliases.map((row) => row.skill);
  const texts = aliases.map((row) => row.alias.text);
  const rows: UpsertRow[] = await manager.query(
    `INSERT INTO skill_aliases (skill_id, text, alias_type, match_strategy, context, position, source)
     SELECT s.id, u.text, u.alias_type, u.match_strategy,
            ARRAY(SELECT jsonb_array_elements_text(u.context::jsonb)), u.position, '${SEED_SOURCE}'
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
       AS u(skill_slug, text, alias_type, match_strategy, context, position)
     JOIN skills s ON s.slug = u.skill_slug AND s.source = '${SEED_SOURCE}'
     ON CONFLICT (skill_id, text) DO UPDATE SET
       alias_type = EXCLUDED.alias_type, match_strategy = EXCLUDED.match_strategy,
       context = EXCLUDED.context, position = EXCLUDED.position
     WHERE skill_aliases.source = '${SEED_SOURCE}'
       AND (skill_aliases.alias_type, skill_aliases.match_strategy, skill_aliases.context, skill_aliases.position)
         IS DISTINCT FROM (EXCLUDED.alias_type, EXCLUDED.match_strategy, EXCLUDED.context, EXCLUDED.position)
     RETURNING (xmax = 0) AS inserted`,
    [
      slugs,
      texts,
      aliases.map((row) => row.alias.type),
      aliases.map((row) => row.alias.match),
      aliases.map((row) => JSON.stringify(row.alias.context)),
      aliases.map((row) => row.position),
    ],
  );
  const [, deleted]: [unknown, number] = await manager.query(
    `DELETE FROM skill_aliases a USING skills s
     WHERE a.skill_id = s.id AND a.source = '${SEED_SOURCE}'
       AND NOT EXISTS (SELECT 1 FROM unnest($1::text[], $2::text[]) AS u(skill_slug, text)
                       WHERE u.skill_slug = s.slug AND u.text = a.text)`,
    [slugs, texts],
  );
  return { ...countUpserts(rows), deleted: deleted ?? 0 };
}

/**
 * An ordered list under a parent row: either free text (role aliases, KRAs) or a reference to another
 * catalog row by slug (dimensions of a skill, core skills and dimensions of a role).
 */
interface ChildList {
  table: string;
  parentTable: ParentTable;
  parentColumn: string;
  valueColumn: string;
  referencedTable?: ParentTable;
}

const SKILL_DIMENSIONS: ChildList = {
  table: 'skill_dimensions',
  parentTable: 'skills',
  parentColumn: 'skill_id',
  valueColumn: 'dimension_id',
  referencedTable: 'dimensions',
};
const ROLE_ALIASES: ChildList = { table: 'role_aliases', parentTable: 'roles', parentColumn: 'role_id', valueColumn: 'text' };
const ROLE_KRAS: ChildList = { table: 'role_kras', parentTable: 'roles', parentColumn: 'role_id', valueColumn: 'text' };
const ROLE_CORE_SKILLS: ChildList = {
  table: 'role_core_skills',
  parentTable: 'roles',
  parentColumn: 'role_id',
  valueColumn: 'skill_id',
  referencedTable: 'skills',
};
const ROLE_DIMENSIONS: ChildList = {
  table: 'role_dimensions',
  parentTable: 'roles',
  parentColumn: 'role_id',
  valueColumn: 'dimension_id',
  referencedTable: 'dimensions',
};

async function syncChildList(
  manager: EntityManager,
  list: ChildList,
  items: ReadonlyArray<readonly [parentSlug: string, value: string]>,
): Promise<ChangeCount> {
  const { table, parentTable, parentColumn, valueColumn, referencedTable } = list;
  const positions = new Map<string, number>();
  const itemPositions = items.map(([parent]) => {
    const position = positions.get(parent) ?? 0;
    positions.set(parent, position + 1);
    return position;
  });
  const parentSlugs = items.map(([parent]) => parent);
  const values = items.map(([, value]) => value);
  const valueSource = referencedTable ? 'r.id' : 'u.value';
  const referenceJoin = referencedTable ? `JOIN ${referencedTable} r ON r.slug = u.value` : '';
  const rows: UpsertRow[] = await manager.query(
    `INSERT INTO ${table} (${parentColumn}, ${valueColumn}, position, source)
     SELECT p.id, ${valueSource}, u.position, '${SEED_SOURCE}'
     FROM unnest($1::text[], $2::text[], $3::int[]) AS u(parent_slug, value, position)
     JOIN ${parentTable} p ON p.slug = u.parent_slug AND p.source = '${SEED_SOURCE}'
     ${referenceJoin}
     ON CONFLICT (${parentColumn}, ${valueColumn}) DO UPDATE SET position = EXCLUDED.position
     WHERE ${table}.source = '${SEED_SOURCE}' AND ${table}.position IS DISTINCT FROM EXCLUDED.position
     RETURNING (xmax = 0) AS inserted`,
    [parentSlugs, values, itemPositions],
  );
  const currentValue = referencedTable ? 'r.slug' : `c.${valueColumn}`;
  const [, deleted]: [unknown, number] = await manager.query(
    `DELETE FROM ${table} c USING ${parentTable} p${referencedTable ? `, ${referencedTable} r` : ''}
     WHERE c.${parentColumn} = p.id ${referencedTable ? `AND c.${valueColumn} = r.id` : ''}
       AND c.source = '${SEED_SOURCE}'
       AND NOT EXISTS (SELECT 1 FROM unnest($1::text[], $2::text[]) AS u(parent_slug, value)
                       WHERE u.parent_slug = p.slug AND u.value = ${currentValue})`,
    [parentSlugs, values],
  );
  return { ...countUpserts(rows), deleted: deleted ?? 0 };
}

function describeChanges(contentHash: string, changes: Record<string, ChangeCount>): string {
  const parts = Object.entries(changes)
    .filter(([, count]) => count.inserted + count.updated + count.deleted > 0)
    .map(([table, count]) => `${table} +${count.inserted} ~${count.updated} -${count.deleted}`);
  return `seed ${contentHash}: ${parts.length > 0 ? parts.join(', ') : 'no row changes'}`;
}
