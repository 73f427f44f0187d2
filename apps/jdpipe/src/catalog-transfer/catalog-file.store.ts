import { createHash } from 'node:crypto';

import type { DataSource, EntityManager } from 'typeorm';

import type { Catalog } from '@jdpipe/catalog';

/** Rows a catalog file creates or rewrites carry this source, so the seed sync leaves them alone. */
export const FILE_SOURCE = 'file';
// The lock the seed sync and the taxonomy imports take: catalog writers never interleave.
const CATALOG_WRITE_LOCK_KEY = 4_207_311;

export interface CatalogFileImportResult {
  /** The catalog version after the import; null when nothing changed and the catalog was never versioned. */
  catalogVersion: number | null;
  versionBumped: boolean;
  /** Rows written (inserted, updated or removed) per table; empty when the file matched the catalog. */
  changes: Record<string, number>;
}

/**
 * Writes a catalog file into the catalog tables in one transaction. Every entry of the file is made to match
 * it exactly (fields and ordered lists); entries the file does not mention are left alone. Each statement only
 * touches rows that differ, and a catalog version is recorded only when some row did.
 */
export class CatalogFileStore {
  constructor(private readonly dataSource: DataSource) {}

  async importCatalog(catalog: Catalog): Promise<CatalogFileImportResult> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CATALOG_WRITE_LOCK_KEY]);
      const writer = new CatalogFileWriter(manager);
      await writer.write(catalog);
      const latest: Array<{ id: number; content_hash: string }> = await manager.query(
        'SELECT id, content_hash FROM catalog_versions ORDER BY id DESC LIMIT 1',
      );
      const changes = Object.fromEntries(Object.entries(writer.changes).filter(([, count]) => count > 0));
      if (Object.keys(changes).length === 0) {
        return { catalogVersion: latest[0]?.id ?? null, versionBumped: false, changes };
      }
      // The seed hash is carried forward: the seed did not change, so the next seed sync has nothing to do.
      const contentHash = latest[0]?.content_hash ?? `file:${hashOf(catalog)}`;
      const reason = `import file: ${Object.entries(changes)
        .map(([table, count]) => `${table} ${count}`)
        .join(', ')}`;
      const rows: Array<{ id: number }> = await manager.query(
        `INSERT INTO catalog_versions (content_hash, reason, changes) VALUES ($1, $2, $3::jsonb) RETURNING id`,
        [contentHash, reason, JSON.stringify({ source: FILE_SOURCE, changes })],
      );
      return { catalogVersion: rows[0].id, versionBumped: true, changes };
    });
  }
}

function hashOf(catalog: Catalog): string {
  return createHash('sha256').update(JSON.stringify(catalog)).digest('hex').slice(0, 16);
}

/** A child list of a parent entry, either free text or a reference to another entry by slug. */
interface ChildList {
  name: string;
  table: string;
  parentTable: 'skills' | 'roles';
  parentColumn: 'skill_id' | 'role_id';
  valueColumn: string;
  referencedTable?: 'skills' | 'dimensions';
}

const CHILD_LISTS = {
  skillDimensions: {
    name: 'skillDimensions',
    table: 'skill_dimensions',
    parentTable: 'skills',
    parentColumn: 'skill_id',
    valueColumn: 'dimension_id',
    referencedTable: 'dimensions',
  },
  roleAliases: { name: 'roleAliases', table: 'role_aliases', parentTable: 'roles', parentColumn: 'role_id', valueColumn: 'text' },
  roleKras: { name: 'roleKras', table: 'role_kras', parentTable: 'roles', parentColumn: 'role_id', valueColumn: 'text' },
  roleCoreSkills: {
    name: 'roleCoreSkills',
    table: 'role_core_skills',
    parentTable: 'roles',
    parentColumn: 'role_id',
    valueColumn: 'skill_id',
    referencedTable: 'skills',
  },
  roleDimensions: {
    name: 'roleDimensions',
    table: 'role_dimensions',
    parentTable: 'roles',
    parentColumn: 'role_id',
    valueColumn: 'dimension_id',
    referencedTable: 'dimensions',
  },
} satisfies Record<string, ChildList>;

/** Set-based statements (arrays unnested server-side); each counts only the rows it actually changed. */
class CatalogFileWriter {
  readonly changes: Record<string, number> = {};

  constructor(private readonly manager: EntityManager) {}

  async write(catalog: Catalog): Promise<void> {
    // Parents before children; a row the file rewrites becomes the file's, so a later seed sync keeps it.
    await this.count(
      'domains',
      `INSERT INTO domains (slug, name, keywords, source)
       SELECT u.slug, u.name, ARRAY(SELECT jsonb_array_elements_text(u.keywords::jsonb)), $4
       FROM unnest($1::text[], $2::text[], $3::text[]) AS u(slug, name, keywords)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, keywords = EXCLUDED.keywords, source = EXCLUDED.source, updated_at = now()
       WHERE (domains.name, domains.keywords) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.keywords)
       RETURNING 1`,
      [
        catalog.domains.map((domain) => domain.slug),
        catalog.domains.map((domain) => domain.name),
        catalog.domains.map((domain) => JSON.stringify(domain.keywords)),
        FILE_SOURCE,
      ],
    );
    await this.count(
      'categories',
      `INSERT INTO skill_categories (name) SELECT DISTINCT unnest($1::text[]) ON CONFLICT (name) DO NOTHING RETURNING 1`,
      [[...new Set(catalog.skills.map((skill) => skill.category))]],
    );
    await this.count(
      'dimensions',
      `INSERT INTO dimensions (slug, name, description, source)
       SELECT u.*, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(slug, name, description)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, source = EXCLUDED.source,
         updated_at = now()
       WHERE (dimensions.name, dimensions.description) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description)
       RETURNING 1`,
      [
        catalog.dimensions.map((dimension) => dimension.slug),
        catalog.dimensions.map((dimension) => dimension.name),
        catalog.dimensions.map((dimension) => dimension.description),
        FILE_SOURCE,
      ],
    );
    // A retired row the file lists comes back: the file says the entry is part of the catalog.
    await this.count(
      'skills',
      `INSERT INTO skills (slug, name, category, sub_category, nature, volatility, lifespan, version_strategy, source)
       SELECT u.*
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS u(slug, name, category, sub_category, nature, volatility, lifespan, version_strategy, source)
       ON CONFLICT (slug) DO UPDATE SET
         name = EXCLUDED.name, category = EXCLUDED.category, sub_category = EXCLUDED.sub_category,
         nature = EXCLUDED.nature, volatility = EXCLUDED.volatility, lifespan = EXCLUDED.lifespan,
         version_strategy = EXCLUDED.version_strategy, source = EXCLUDED.source, retired_at = NULL, updated_at = now()
       WHERE skills.retired_at IS NOT NULL
         OR (skills.name, skills.category, skills.sub_category, skills.nature, skills.volatility, skills.lifespan,
             skills.version_strategy)
           IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.category, EXCLUDED.sub_category, EXCLUDED.nature,
             EXCLUDED.volatility, EXCLUDED.lifespan, EXCLUDED.version_strategy)
       RETURNING 1`,
      [
        catalog.skills.map((skill) => skill.slug),
        catalog.skills.map((skill) => skill.name),
        catalog.skills.map((skill) => skill.category),
        catalog.skills.map((skill) => skill.subCategory),
        catalog.skills.map((skill) => skill.nature),
        catalog.skills.map((skill) => skill.volatility),
        catalog.skills.map((skill) => skill.lifespan),
        catalog.skills.map((skill) => skill.versionStrategy),
        // An imported entry keeps its taxonomy as source, so the catalog checks still treat it as imported.
        catalog.skills.map((skill) => skill.importedFrom ?? FILE_SOURCE),
      ],
    );
    await this.count(
      'roles',
      `INSERT INTO roles (slug, name, domain, description, source)
       SELECT u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(slug, name, domain, description, source)
       ON CONFLICT (slug) DO UPDATE SET
         name = EXCLUDED.name, domain = EXCLUDED.domain, description = EXCLUDED.description, source = EXCLUDED.source,
         retired_at = NULL, updated_at = now()
       WHERE roles.retired_at IS NOT NULL
         OR (roles.name, roles.domain, roles.description) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.domain, EXCLUDED.description)
       RETURNING 1`,
      [
        catalog.roles.map((role) => role.slug),
        catalog.roles.map((role) => role.name),
        catalog.roles.map((role) => role.domain),
        catalog.roles.map((role) => role.description),
        catalog.roles.map((role) => role.importedFrom ?? FILE_SOURCE),
      ],
    );
    await this.writeSkillAliases(catalog);
    const skillLists = (list: (skill: Catalog['skills'][number]) => string[]) =>
      catalog.skills.map((skill) => ({ slug: skill.slug, items: list(skill) }));
    const roleLists = (list: (role: Catalog['roles'][number]) => string[]) =>
      catalog.roles.map((role) => ({ slug: role.slug, items: list(role) }));
    await this.writeChildList(
      CHILD_LISTS.skillDimensions,
      skillLists((skill) => skill.dimensions),
    );
    await this.writeChildList(
      CHILD_LISTS.roleAliases,
      roleLists((role) => role.aliases),
    );
    await this.writeChildList(
      CHILD_LISTS.roleKras,
      roleLists((role) => role.kras),
    );
    await this.writeChildList(
      CHILD_LISTS.roleCoreSkills,
      roleLists((role) => role.coreSkills),
    );
    await this.writeChildList(
      CHILD_LISTS.roleDimensions,
      roleLists((role) => role.dimensions),
    );
  }

  /** The aliases of every skill in the file become exactly the file's, in the file's order. */
  private async writeSkillAliases(catalog: Catalog): Promise<void> {
    const aliases = catalog.skills.flatMap((skill) => skill.aliases.map((alias, position) => ({ skill: skill.slug, alias, position })));
    await this.count(
      'skillAliases',
      `INSERT INTO skill_aliases (skill_id, text, alias_type, match_strategy, context, position, source)
       SELECT s.id, u.text, u.alias_type, u.match_strategy, ARRAY(SELECT jsonb_array_elements_text(u.context::jsonb)), u.position, $7
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
         AS u(skill_slug, text, alias_type, match_strategy, context, position)
       JOIN skills s ON s.slug = u.skill_slug
       ON CONFLICT (skill_id, text) DO UPDATE SET
         alias_type = EXCLUDED.alias_type, match_strategy = EXCLUDED.match_strategy, context = EXCLUDED.context,
         position = EXCLUDED.position, source = EXCLUDED.source
       WHERE (skill_aliases.alias_type, skill_aliases.match_strategy, skill_aliases.context, skill_aliases.position)
         IS DISTINCT FROM (EXCLUDED.alias_type, EXCLUDED.match_strategy, EXCLUDED.context, EXCLUDED.position)
       RETURNING 1`,
      [
        aliases.map((row) => row.skill),
        aliases.map((row) => row.alias.text),
        aliases.map((row) => row.alias.type),
        aliases.map((row) => row.alias.match),
        aliases.map((row) => JSON.stringify(row.alias.context)),
        aliases.map((row) => row.position),
        FILE_SOURCE,
      ],
    );
    await this.count(
      'skillAliases',
      `DELETE FROM skill_aliases a USING skills s
       WHERE a.skill_id = s.id AND s.slug = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS u(skill_slug, text)
                         WHERE u.skill_slug = s.slug AND u.text = a.text)
       RETURNING 1`,
      [catalog.skills.map((skill) => skill.slug), aliases.map((row) => row.skill), aliases.map((row) => row.alias.text)],
    );
  }

  /** The list under every parent the file has becomes exactly the file's list, in its order. */
  private async writeChildList(list: ChildList, parents: Array<{ slug: string; items: string[] }>): Promise<void> {
    const { table, parentTable, parentColumn, valueColumn, referencedTable } = list;
    const parentSlugs = parents.map((parent) => parent.slug);
    const items = parents.flatMap((parent) => parent.items.map((value, position) => ({ parent: parent.slug, value, position })));
    const valueSource = referencedTable ? 'r.id' : 'u.value';
    const referenceJoin = referencedTable ? `JOIN ${referencedTable} r ON r.slug = u.value` : '';
    await this.count(
      list.name,
      `INSERT INTO ${table} (${parentColumn}, ${valueColumn}, position, source)
       SELECT p.id, ${valueSource}, u.position, $4
       FROM unnest($1::text[], $2::text[], $3::int[]) AS u(parent_slug, value, position)
       JOIN ${parentTable} p ON p.slug = u.parent_slug
       ${referenceJoin}
       ON CONFLICT (${parentColumn}, ${valueColumn}) DO UPDATE SET position = EXCLUDED.position, source = EXCLUDED.source
       WHERE ${table}.position IS DISTINCT FROM EXCLUDED.position
       RETURNING 1`,
      [items.map((item) => item.parent), items.map((item) => item.value), items.map((item) => item.position), FILE_SOURCE],
    );
    const currentValue = referencedTable ? 'r.slug' : `c.${valueColumn}`;
    await this.count(
      list.name,
      `DELETE FROM ${table} c USING ${parentTable} p${referencedTable ? `, ${referencedTable} r` : ''}
       WHERE c.${parentColumn} = p.id ${referencedTable ? `AND c.${valueColumn} = r.id` : ''}
         AND p.slug = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS u(parent_slug, value)
                         WHERE u.parent_slug = p.slug AND u.value = ${currentValue})
       RETURNING 1`,
      [parentSlugs, items.map((item) => item.parent), items.map((item) => item.value)],
    );
  }

  private async count(table: string, sql: string, parameters: unknown[]): Promise<void> {
    const result: unknown = await this.manager.query(sql, parameters);
    this.changes[table] = (this.changes[table] ?? 0) + returnedRows(result);
  }
}

// A DELETE … RETURNING comes back from the driver as [rows, affected count]; an INSERT as the rows alone.
function returnedRows(result: unknown): number {
  if (!Array.isArray(result)) return 0;
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return result.length;
}
