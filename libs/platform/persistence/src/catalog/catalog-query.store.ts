import type { DataSource } from 'typeorm';

import { CatalogStore, type SkillRow } from './catalog.store';

/** A page request over one kind of catalog entry; `q` is a case-insensitive substring of name, slug or alias. */
export interface CatalogSearch {
  q?: string;
  limit: number;
  offset: number;
}

export interface CatalogPage<T> {
  items: T[];
  total: number;
}

/** A catalog entry referred to from another one. */
export interface CatalogRef {
  slug: string;
  name: string;
}

/** How often runs saw an entry together with a dimension (the learned links, next to the catalog's own). */
export interface ObservedDimension {
  slug: string;
  runs: number;
}

export interface SkillListItem {
  slug: string;
  name: string;
  category: string;
  nature: string;
  volatility: string;
  source: string;
}

export interface SkillAliasView {
  text: string;
  type: string;
  match: string;
  context: string[];
  source: string;
}

/** A review action that changed a catalog entry, newest first in a history. */
export interface CatalogHistoryEntry {
  actionId: number;
  itemId: number;
  itemKind: string;
  itemValue: string;
  action: string;
  actor: string;
  createdAt: string;
  catalogVersion: number | null;
  undoneBy: string | null;
  undoneAt: string | null;
  undoCatalogVersion: number | null;
  effects: Array<Record<string, unknown>>;
}

export interface SkillDetail extends SkillListItem {
  subCategory: string | null;
  lifespan: string;
  versionStrategy: string;
  externalId: string | null;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
  aliases: SkillAliasView[];
  dimensions: CatalogRef[];
  observedDimensions: ObservedDimension[];
  /** Roles that list the skill among their core skills. */
  roles: CatalogRef[];
  /** Runs that resolved the skill from the catalog. */
  runCount: number;
  history: CatalogHistoryEntry[];
}

export interface RoleListItem {
  slug: string;
  name: string;
  domain: string;
  source: string;
}

/** A text a role owns (alias, KRA), with who added it: the seed, an import or the review loop. */
export interface SourcedText {
  text: string;
  source: string;
}

export interface RoleDetail extends RoleListItem {
  domainName: string | null;
  description: string;
  externalId: string | null;
  retiredAt: string | null;
  updatedAt: string;
  aliases: SourcedText[];
  kras: SourcedText[];
  coreSkills: CatalogRef[];
  dimensions: CatalogRef[];
  observedDimensions: ObservedDimension[];
  /** Completed runs that chose the role. */
  runCount: number;
  history: CatalogHistoryEntry[];
}

export interface DimensionListItem {
  slug: string;
  name: string;
  description: string;
  skillCount: number;
  roleCount: number;
}

export interface DimensionDetail extends DimensionListItem {
  source: string;
  skills: CatalogRef[];
  roles: CatalogRef[];
}

interface HistoryRow {
  id: number;
  queue_id: number;
  kind: string;
  value: string;
  action: string;
  actor: string;
  detail: { effects?: Array<Record<string, unknown>> };
  catalog_version: number | null;
  created_at: Date | string;
  undone_by: string | null;
  undone_at: Date | string | null;
  undo_catalog_version: number | null;
}

// Which review effects name a skill or a role (see ReviewEffect in libs/review).
/** A catalog table searched by name, slug and alias; fixed names only, never request input. */
interface NamedTableSearch {
  from: string;
  alias: string;
  key: string;
  columns: readonly string[];
}

const SKILL_SEARCH: NamedTableSearch = {
  from: 'skills',
  alias: 'skill_aliases',
  key: 'skill_id',
  columns: ['slug', 'name', 'category', 'nature', 'volatility', 'source'],
};
const ROLE_SEARCH: NamedTableSearch = {
  from: 'roles',
  alias: 'role_aliases',
  key: 'role_id',
  columns: ['slug', 'name', 'domain', 'source'],
};

const SKILL_HISTORY_CONDITION = `a.detail->>'into' = $1 OR EXISTS (
  SELECT 1 FROM jsonb_array_elements(a.detail->'effects') e
  WHERE (e->>'type' = 'skill_created' AND e->>'slug' = $1) OR (e->>'type' = 'skill_alias_added' AND e->>'skillSlug' = $1))`;
const ROLE_HISTORY_CONDITION = `EXISTS (
  SELECT 1 FROM jsonb_array_elements(a.detail->'effects') e
  WHERE (e->>'type' = 'role_created' AND e->>'slug' = $1) OR (e->>'type' = 'role_kra_added' AND e->>'roleSlug' = $1))`;

/**
 * Read side of the catalog for people: search and one entry with everything that links to it. Retired
 * entries (dropped by a newer import release) are left out of searches but still shown by slug.
 */
export class CatalogQueryStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest catalog version, 0 before the first sync. */
  async catalogVersion(): Promise<number> {
    return (await new CatalogStore(this.dataSource).latestVersion()) ?? 0;
  }

  /** Exact name, slug or alias matches first, then names starting with `q`, then the rest by name. */
  searchSkills(search: CatalogSearch): Promise<CatalogPage<SkillListItem>> {
    return this.searchNamed(SKILL_SEARCH, search);
  }

  async skill(slug: string): Promise<SkillDetail | null> {
    const rows: Array<
      SkillRow & { external_id: string | null; retired_at: Date | string | null; created_at: Date | string; updated_at: Date | string }
    > = await this.dataSource.query(
      `SELECT id, slug, name, category, sub_category, nature, volatility, lifespan, version_strategy, source, external_id,
              retired_at, created_at, updated_at
       FROM skills WHERE slug = $1`,
      [slug],
    );
    const row = rows[0];
    if (!row) return null;
    const [aliases, dimensions, observedDimensions, roles, runCount, history] = await Promise.all([
      this.dataSource.query(
        `SELECT text, alias_type AS type, match_strategy AS match, context, source FROM skill_aliases
         WHERE skill_id = $1 ORDER BY position, id`,
        [row.id],
      ) as Promise<SkillAliasView[]>,
      this.refs(
        `SELECT d.slug, d.name FROM skill_dimensions sd JOIN dimensions d ON d.id = sd.dimension_id
         WHERE sd.skill_id = $1 ORDER BY sd.position, d.slug`,
        [row.id],
      ),
      this.observedDimensions('skill_dimension_links', 'skill_slug', slug),
      this.refs(
        `SELECT r.slug, r.name FROM role_core_skills rc JOIN roles r ON r.id = rc.role_id
         WHERE rc.skill_id = $1 AND r.retired_at IS NULL ORDER BY r.name, r.slug`,
        [row.id],
      ),
      this.count(`SELECT count(DISTINCT run_id) AS total FROM run_skills WHERE skill_slug = $1 AND status = 'in_catalog'`, [slug]),
      this.history(SKILL_HISTORY_CONDITION, slug),
    ]);
    return {
      slug: row.slug,
      name: row.name,
      category: row.category,
      subCategory: row.sub_category,
      nature: row.nature,
      volatility: row.volatility,
      lifespan: row.lifespan,
      versionStrategy: row.version_strategy,
      source: row.source,
      externalId: row.external_id,
      retiredAt: isoOrNull(row.retired_at),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      aliases,
      dimensions,
      observedDimensions,
      roles,
      runCount,
      history,
    };
  }

  searchRoles(search: CatalogSearch): Promise<CatalogPage<RoleListItem>> {
    return this.searchNamed(ROLE_SEARCH, search);
  }

  async role(slug: string): Promise<RoleDetail | null> {
    const rows: Array<{
      id: number;
      slug: string;
      name: string;
      domain: string;
      domain_name: string | null;
      description: string;
      source: string;
      external_id: string | null;
      retired_at: Date | string | null;
      updated_at: Date | string;
    }> = await this.dataSource.query(
      `SELECT r.id, r.slug, r.name, r.domain, d.name AS domain_name, r.description, r.source, r.external_id, r.retired_at,
              r.updated_at
       FROM roles r LEFT JOIN domains d ON d.slug = r.domain WHERE r.slug = $1`,
      [slug],
    );
    const row = rows[0];
    if (!row) return null;
    const [aliases, kras, coreSkills, dimensions, observedDimensions, runCount, history] = await Promise.all([
      this.dataSource.query('SELECT text, source FROM role_aliases WHERE role_id = $1 ORDER BY position, id', [row.id]) as Promise<
        SourcedText[]
      >,
      this.dataSource.query('SELECT text, source FROM role_kras WHERE role_id = $1 ORDER BY position, id', [row.id]) as Promise<
        SourcedText[]
      >,
      this.refs(
        `SELECT s.slug, s.name FROM role_core_skills rc JOIN skills s ON s.id = rc.skill_id
         WHERE rc.role_id = $1 AND s.retired_at IS NULL ORDER BY rc.position, s.slug`,
        [row.id],
      ),
      this.refs(
        `SELECT d.slug, d.name FROM role_dimensions rd JOIN dimensions d ON d.id = rd.dimension_id
         WHERE rd.role_id = $1 ORDER BY rd.position, d.slug`,
        [row.id],
      ),
      this.observedDimensions('role_dimension_links', 'role_slug', slug),
      this.count(`SELECT count(*) AS total FROM runs WHERE role_slug = $1 AND status = 'completed'`, [slug]),
      this.history(ROLE_HISTORY_CONDITION, slug),
    ]);
    return {
      slug: row.slug,
      name: row.name,
      domain: row.domain,
      domainName: row.domain_name,
      description: row.description,
      source: row.source,
      externalId: row.external_id,
      retiredAt: isoOrNull(row.retired_at),
      updatedAt: iso(row.updated_at),
      aliases,
      kras,
      coreSkills,
      dimensions,
      observedDimensions,
      runCount,
      history,
    };
  }

  async searchDimensions(search: CatalogSearch): Promise<CatalogPage<DimensionListItem>> {
    const where = `($1::text IS NULL OR d.name ILIKE $1 OR d.slug ILIKE $1)`;
    const terms = searchTerms(search.q);
    const rows: Array<DimensionListItem & { skill_count: string | number; role_count: string | number }> = await this.dataSource.query(
      `SELECT d.slug, d.name, d.description,
              (SELECT count(*) FROM skill_dimensions sd JOIN skills s ON s.id = sd.skill_id
               WHERE sd.dimension_id = d.id AND s.retired_at IS NULL) AS skill_count,
              (SELECT count(*) FROM role_dimensions rd JOIN roles r ON r.id = rd.role_id
               WHERE rd.dimension_id = d.id AND r.retired_at IS NULL) AS role_count
       FROM dimensions d WHERE ${where}
       ORDER BY CASE WHEN lower(d.name) = $2 OR d.slug = $2 THEN 0 WHEN d.name ILIKE $3 THEN 1 ELSE 2 END, d.name, d.slug
       LIMIT $4 OFFSET $5`,
      [terms.contains, terms.exact, terms.prefix, pageSize(search.limit), pageSize(search.offset)],
    );
    return {
      items: rows.map(({ skill_count, role_count, ...row }) => ({
        ...row,
        skillCount: Number(skill_count),
        roleCount: Number(role_count),
      })),
      total: await this.count(`SELECT count(*) AS total FROM dimensions d WHERE ${where}`, [terms.contains]),
    };
  }

  async dimension(slug: string): Promise<DimensionDetail | null> {
    const rows: Array<{ id: number; slug: string; name: string; description: string; source: string }> = await this.dataSource.query(
      'SELECT id, slug, name, description, source FROM dimensions WHERE slug = $1',
      [slug],
    );
    const row = rows[0];
    if (!row) return null;
    const [skills, roles] = await Promise.all([
      this.refs(
        `SELECT s.slug, s.name FROM skill_dimensions sd JOIN skills s ON s.id = sd.skill_id
         WHERE sd.dimension_id = $1 AND s.retired_at IS NULL ORDER BY s.name, s.slug`,
        [row.id],
      ),
      this.refs(
        `SELECT r.slug, r.name FROM role_dimensions rd JOIN roles r ON r.id = rd.role_id
         WHERE rd.dimension_id = $1 AND r.retired_at IS NULL ORDER BY r.name, r.slug`,
        [row.id],
      ),
    ]);
    return {
      slug: row.slug,
      name: row.name,
      description: row.description,
      source: row.source,
      skillCount: skills.length,
      roleCount: roles.length,
      skills,
      roles,
    };
  }

  /** Search over a named catalog table and its aliases, ranked as `searchSkills` says. */
  private async searchNamed<Item>(table: NamedTableSearch, search: CatalogSearch): Promise<CatalogPage<Item>> {
    const { from, alias, key, columns } = table;
    const where = `t.retired_at IS NULL AND ($1::text IS NULL OR t.name ILIKE $1 OR t.slug ILIKE $1
      OR EXISTS (SELECT 1 FROM ${alias} a WHERE a.${key} = t.id AND a.text ILIKE $1))`;
    const terms = searchTerms(search.q);
    const rows: Item[] = await this.dataSource.query(
      `SELECT ${columns.map((column) => `t.${column}`).join(', ')} FROM ${from} t
       WHERE ${where}
       ORDER BY CASE
         WHEN lower(t.name) = $2 OR t.slug = $2
           OR EXISTS (SELECT 1 FROM ${alias} a WHERE a.${key} = t.id AND lower(a.text) = $2) THEN 0
         WHEN t.name ILIKE $3 THEN 1 ELSE 2 END, t.name, t.slug
       LIMIT $4 OFFSET $5`,
      [terms.contains, terms.exact, terms.prefix, pageSize(search.limit), pageSize(search.offset)],
    );
    return { items: rows, total: await this.count(`SELECT count(*) AS total FROM ${from} t WHERE ${where}`, [terms.contains]) };
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    const rows: Array<{ total: string | number }> = await this.dataSource.query(sql, params);
    return Number(rows[0]?.total ?? 0);
  }

  private refs(sql: string, params: unknown[]): Promise<CatalogRef[]> {
    return this.dataSource.query(sql, params);
  }

  private async observedDimensions(table: string, column: string, slug: string): Promise<ObservedDimension[]> {
    const rows: Array<{ dimension_slug: string; run_count: string | number }> = await this.dataSource.query(
      `SELECT dimension_slug, run_count FROM ${table} WHERE ${column} = $1 ORDER BY run_count DESC, dimension_slug`,
      [slug],
    );
    return rows.map((row) => ({ slug: row.dimension_slug, runs: Number(row.run_count) }));
  }

  private async history(condition: string, slug: string): Promise<CatalogHistoryEntry[]> {
    const rows: HistoryRow[] = await this.dataSource.query(
      `SELECT a.id, a.queue_id, q.kind, q.value, a.action, a.actor, a.detail, a.catalog_version, a.created_at, a.undone_by,
              a.undone_at, a.undo_catalog_version
       FROM review_actions a JOIN review_queue q ON q.id = a.queue_id
       WHERE ${condition}
       ORDER BY a.id DESC`,
      [slug],
    );
    return rows.map((row) => ({
      actionId: row.id,
      itemId: row.queue_id,
      itemKind: row.kind,
      itemValue: row.value,
      action: row.action,
      actor: row.actor,
      createdAt: iso(row.created_at),
      catalogVersion: row.catalog_version,
      undoneBy: row.undone_by,
      undoneAt: isoOrNull(row.undone_at),
      undoCatalogVersion: row.undo_catalog_version,
      effects: row.detail.effects ?? [],
    }));
  }
}

/** ILIKE patterns for a search text, with `%`, `_` and `\` matched literally; all null without a text. */
function searchTerms(q: string | undefined): { contains: string | null; exact: string | null; prefix: string | null } {
  const text = q?.trim();
  if (!text) return { contains: null, exact: null, prefix: null };
  const escaped = text.replace(/[\\%_]/g, (char) => `\\${char}`);
  return { contains: `%${escaped}%`, exact: text.toLowerCase(), prefix: `${escaped}%` };
}

function pageSize(value: number): number {
  return Math.max(0, Math.floor(value));
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}
