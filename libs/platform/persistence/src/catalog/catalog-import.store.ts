import type { DataSource, EntityManager } from 'typeorm';

import { aliasKey } from '@jdpipe/catalog';
import {
  planMerge,
  type DroppedAliasCounts,
  type ExistingCatalogEntry,
  type ImportBatch,
  type ImportProblem,
  type MergePlan,
  type PlannedRole,
  type PlannedSkill,
  type PreviousImport,
} from '@jdpipe/catalog-import';

// The seed sync's lock: an import and a seed sync never interleave.
const CATALOG_WRITE_LOCK_KEY = 4_207_311;

export interface ImportKindCounts {
  added: number;
  changed: number;
  unchanged: number;
  retired: number;
  /** Of the added ones: merged into an entry the catalog already had. */
  merged: number;
}

export interface CatalogImportReport {
  source: string;
  release: string;
  /** The catalog version after the import; null when the catalog has never been versioned. */
  catalogVersion: number | null;
  versionBumped: boolean;
  skills: ImportKindCounts;
  roles: ImportKindCounts;
  aliasesWritten: number;
  linksWritten: number;
  collidingAliasesSkipped: number;
  droppedAliases: DroppedAliasCounts;
  problems: ImportProblem[];
}

export type ImportStageListener = (stage: string) => void;

/**
 * Writes an imported taxonomy release into the catalog tables in one transaction. Entries are keyed by
 * (source, external id) in `catalog_import_entries`: unchanged ones (same content hash) are not touched,
 * changed ones are rewritten, ones the release dropped are retired (rows kept, marked), and a catalog
 * version is recorded only when something changed. Every write is set-based (arrays unnested server-side).
 */
export class CatalogImportStore {
  constructor(private readonly dataSource: DataSource) {}

  async importBatch(batch: ImportBatch, onStage: ImportStageListener = () => undefined): Promise<CatalogImportReport> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CATALOG_WRITE_LOCK_KEY]);
      onStage('reading the catalog');
      const context = await readMergeContext(manager, batch.source);
      onStage('merging');
      const plan = planMerge(batch, context);
      const report = emptyReport(batch, plan);
      const latest = await latestVersion(manager);
      const touchedSkills = plan.skills.filter((skill) => skill.status !== 'unchanged');
      const touchedRoles = plan.roles.filter((role) => role.status !== 'unchanged');
      if (touchedSkills.length + touchedRoles.length + plan.retired.length === 0) {
        return { ...report, catalogVersion: latest?.id ?? null };
      }

      // The seed hash is carried forward: the seed did not change, so the next seed sync has nothing to do.
      const versionRows: Array<{ id: number }> = await manager.query(
        `INSERT INTO catalog_versions (content_hash, reason) VALUES ($1, $2) RETURNING id`,
        [latest?.content_hash ?? `import:${batch.source}:${batch.release}`, `import ${batch.source} ${batch.release}`],
      );
      const version = versionRows[0].id;
      const writer = new ImportWriter(manager, batch.source, version);

      onStage(`writing ${touchedSkills.length} skills`);
      const skillIds = await writer.writeSkills(plan.skills, touchedSkills);
      onStage(`writing ${touchedRoles.length} roles`);
      await writer.writeDomains(batch, touchedRoles);
      await writer.writeRoles(touchedRoles, skillIds);
      onStage('recording entries');
      await writer.recordEntries(batch.release, touchedSkills, touchedRoles);
      if (plan.retired.length > 0) {
        onStage(`retiring ${plan.retired.length} entries`);
        await writer.retire(plan.retired);
      }

      const final = {
        ...report,
        catalogVersion: version,
        versionBumped: true,
        aliasesWritten: writer.aliasesWritten,
        linksWritten: writer.linksWritten,
      };
      await manager.query(`UPDATE catalog_versions SET reason = $2, changes = $3::jsonb WHERE id = $1`, [
        version,
        describeImport(final),
        JSON.stringify({ source: batch.source, release: batch.release, skills: final.skills, roles: final.roles }),
      ]);
      return final;
    });
  }
}

async function latestVersion(manager: EntityManager): Promise<{ id: number; content_hash: string } | null> {
  const rows: Array<{ id: number; content_hash: string }> = await manager.query(
    'SELECT id, content_hash FROM catalog_versions ORDER BY id DESC LIMIT 1',
  );
  return rows[0] ?? null;
}

interface EntryRow {
  id: number;
  slug: string;
  name: string;
  source: string;
}

async function readMergeContext(manager: EntityManager, source: string) {
  const readEntries = async (table: 'skills' | 'roles', aliasTable: string, parentColumn: string) => {
    const rows: EntryRow[] = await manager.query(`SELECT id, slug, name, source FROM ${table}`);
    const aliases: Array<{ parent: number; text: string }> = await manager.query(
      `SELECT ${parentColumn} AS parent, text FROM ${aliasTable} WHERE source <> $1`,
      [source],
    );
    const keys = new Map<number, string[]>();
    for (const alias of aliases) {
      const list = keys.get(alias.parent);
      if (list) list.push(aliasKey(alias.text));
      else keys.set(alias.parent, [aliasKey(alias.text)]);
    }
    const others: ExistingCatalogEntry[] = rows
      .filter((row) => row.source !== source)
      .map((row) => ({ id: row.id, slug: row.slug, name: row.name, aliasKeys: keys.get(row.id) ?? [] }));
    return { others, slugs: new Set(rows.map((row) => row.slug)) };
  };
  const skills = await readEntries('skills', 'skill_aliases', 'skill_id');
  const roles = await readEntries('roles', 'role_aliases', 'role_id');
  const previousRows: Array<{
    kind: 'skill' | 'role';
    external_id: string;
    target_id: number;
    target_slug: string;
    merged: boolean;
    content_hash: string;
    retired: boolean;
  }> = await manager.query(
    `SELECT e.kind, e.external_id, COALESCE(e.skill_id, e.role_id) AS target_id, COALESCE(s.slug, r.slug) AS target_slug,
            e.merged, e.content_hash, e.retired_at IS NOT NULL AS retired
     FROM catalog_import_entries e
     LEFT JOIN skills s ON s.id = e.skill_id
     LEFT JOIN roles r ON r.id = e.role_id
     WHERE e.source = $1`,
    [source],
  );
  const previous: PreviousImport[] = previousRows.map((row) => ({
    kind: row.kind,
    externalId: row.external_id,
    targetId: row.target_id,
    targetSlug: row.target_slug,
    merged: row.merged,
    contentHash: row.content_hash,
    retired: row.retired,
  }));
  return { skills: skills.others, roles: roles.others, previous, takenSkillSlugs: skills.slugs, takenRoleSlugs: roles.slugs };
}

function emptyReport(batch: ImportBatch, plan: MergePlan): CatalogImportReport {
  const count = (entries: Array<PlannedSkill | PlannedRole>, kind: 'skill' | 'role'): ImportKindCounts => ({
    added: entries.filter((entry) => entry.status === 'added').length,
    changed: entries.filter((entry) => entry.status === 'changed').length,
    unchanged: entries.filter((entry) => entry.status === 'unchanged').length,
    retired: plan.retired.filter((entry) => entry.kind === kind).length,
    merged: entries.filter((entry) => entry.status === 'added' && entry.target.merged).length,
  });
  return {
    source: batch.source,
    release: batch.release,
    catalogVersion: null,
    versionBumped: false,
    skills: count(plan.skills, 'skill'),
    roles: count(plan.roles, 'role'),
    aliasesWritten: 0,
    linksWritten: 0,
    collidingAliasesSkipped: plan.collidingAliasesSkipped,
    droppedAliases: batch.droppedAliases,
    problems: batch.problems,
  };
}

function describeImport(report: CatalogImportReport): string {
  const part = (kind: string, counts: ImportKindCounts) =>
    `${kind} +${counts.added} (${counts.merged} merged) ~${counts.changed} -${counts.retired} =${counts.unchanged}`;
  return `import ${report.source} ${report.release}: ${part('skills', report.skills)}, ${part('roles', report.roles)}`;
}

/** The set-based writes of one import, all under one catalog version. */
class ImportWriter {
  aliasesWritten = 0;
  linksWritten = 0;
  private readonly roleIds = new Map<string, number>();
  private readonly skillIds = new Map<string, number>();

  constructor(
    private readonly manager: EntityManager,
    private readonly source: string,
    private readonly version: number,
  ) {}

  /** Creates and updates skill rows and their aliases; returns the row id of every skill in the batch. */
  async writeSkills(all: PlannedSkill[], touched: PlannedSkill[]): Promise<Map<string, number>> {
    for (const skill of all) if (skill.target.id !== null) this.skillIds.set(skill.entry.externalId, skill.target.id);
    const created = touched.filter((skill) => skill.target.id === null);
    const updated = touched.filter((skill) => skill.target.id !== null && !skill.target.merged);
    const owned = [...created, ...updated];
    await this.manager.query(`INSERT INTO skill_categories (name) SELECT DISTINCT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`, [
      [...new Set(owned.map((skill) => skill.entry.category))],
    ]);
    if (created.length > 0) {
      const rows: Array<{ id: number; external_id: string }> = await this.manager.query(
        `INSERT INTO skills (slug, name, category, sub_category, nature, volatility, lifespan, version_strategy, external_id, source)
         SELECT u.*, $10 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS u(slug, name, category, sub_category, nature, volatility, lifespan, version_strategy, external_id)
         RETURNING id, external_id`,
        [...skillColumns(created, (skill) => skill.target.slug), this.source],
      );
      for (const row of rows) this.skillIds.set(row.external_id, row.id);
    }
    if (updated.length > 0) {
      await this.manager.query(
        `UPDATE skills s SET name = u.name, category = u.category, sub_category = u.sub_category, nature = u.nature,
           volatility = u.volatility, lifespan = u.lifespan, version_strategy = u.version_strategy, retired_at = NULL, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS u(slug, name, category, sub_category, nature, volatility, lifespan, version_strategy, external_id)
         WHERE s.source = $10 AND s.external_id = u.external_id`,
        [...skillColumns(updated, (skill) => skill.target.slug), this.source],
      );
    }
    const ids = touched.map((skill) => this.idOf(this.skillIds, skill.entry.externalId));
    await this.manager.query(`DELETE FROM skill_aliases WHERE skill_id = ANY($1::int[]) AND source = $2`, [ids, this.source]);
    const aliases = touched.flatMap((skill) =>
      skill.aliases.map((alias, index) => ({
        id: this.idOf(this.skillIds, skill.entry.externalId),
        alias,
        position: positionOf(skill.target.merged, index),
      })),
    );
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO skill_aliases (skill_id, text, alias_type, match_strategy, position, source)
       SELECT u.*, $6 FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[]) AS u(skill_id, text, alias_type, match_strategy, position)
       ON CONFLICT (skill_id, text) DO NOTHING
       RETURNING id`,
      [
        aliases.map((row) => row.id),
        aliases.map((row) => row.alias.text),
        aliases.map((row) => row.alias.type),
        aliases.map((row) => row.alias.match),
        aliases.map((row) => row.position),
        this.source,
      ],
    );
    this.aliasesWritten += inserted.length;
    return this.skillIds;
  }

  /** Domains that new or changed roles point at and the catalog lacks. */
  async writeDomains(batch: ImportBatch, touched: PlannedRole[]): Promise<void> {
    const used = new Set(touched.filter((role) => !role.target.merged).map((role) => role.entry.domain));
    const domains = batch.domains.filter((domain) => used.has(domain.slug));
    await this.manager.query(
      `INSERT INTO domains (slug, name, keywords, source)
       SELECT u.slug, u.name, '{}', $3 FROM unnest($1::text[], $2::text[]) AS u(slug, name)
       ON CONFLICT (slug) DO NOTHING`,
      [domains.map((domain) => domain.slug), domains.map((domain) => domain.name), this.source],
    );
  }

  async writeRoles(touched: PlannedRole[], skillIds: Map<string, number>): Promise<void> {
    for (const role of touched) if (role.target.id !== null) this.roleIds.set(role.entry.externalId, role.target.id);
    const created = touched.filter((role) => role.target.id === null);
    const updated = touched.filter((role) => role.target.id !== null && !role.target.merged);
    const owned = [...created, ...updated];
    if (created.length > 0) {
      const rows: Array<{ id: number; external_id: string }> = await this.manager.query(
        `INSERT INTO roles (slug, name, domain, description, external_id, source)
         SELECT u.*, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(slug, name, domain, description, external_id)
         RETURNING id, external_id`,
        [...roleColumns(created), this.source],
      );
      for (const row of rows) this.roleIds.set(row.external_id, row.id);
    }
    if (updated.length > 0) {
      await this.manager.query(
        `UPDATE roles r SET name = u.name, domain = u.domain, description = u.description, retired_at = NULL, updated_at = now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(slug, name, domain, description, external_id)
         WHERE r.source = $6 AND r.external_id = u.external_id`,
        [...roleColumns(updated), this.source],
      );
    }
    const ids = touched.map((role) => this.idOf(this.roleIds, role.entry.externalId));
    const ownedIds = owned.map((role) => this.idOf(this.roleIds, role.entry.externalId));
    for (const table of ['role_aliases', 'role_skill_links']) {
      await this.manager.query(`DELETE FROM ${table} WHERE role_id = ANY($1::int[]) AND source = $2`, [ids, this.source]);
    }
    for (const table of ['role_kras', 'role_core_skills']) {
      await this.manager.query(`DELETE FROM ${table} WHERE role_id = ANY($1::int[]) AND source = $2`, [ownedIds, this.source]);
    }

    const aliases = touched.flatMap((role) =>
      role.aliases.map(
        (text, index) => [this.idOf(this.roleIds, role.entry.externalId), text, positionOf(role.target.merged, index)] as const,
      ),
    );
    this.aliasesWritten += await this.insertRoleTexts('role_aliases', aliases);
    // Only a role the import owns takes its KRAs and core skills; an authored role keeps its own.
    const kras = owned.flatMap((role) =>
      role.entry.kras.map((text, position) => [this.idOf(this.roleIds, role.entry.externalId), text, position] as const),
    );
    await this.insertRoleTexts('role_kras', kras);

    const links = touched.flatMap((role) =>
      role.links.map((link, position) => ({
        roleId: this.idOf(this.roleIds, role.entry.externalId),
        skillId: skillIds.get(link.skillExternalId),
        relation: link.relation,
        position,
        owned: !role.target.merged,
      })),
    );
    const resolved = links.filter((link): link is typeof link & { skillId: number } => link.skillId !== undefined);
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO role_skill_links (role_id, skill_id, relation, position, source)
       SELECT u.*, $5 FROM unnest($1::int[], $2::int[], $3::text[], $4::int[]) AS u(role_id, skill_id, relation, position)
       ON CONFLICT DO NOTHING RETURNING role_id`,
      [
        resolved.map((link) => link.roleId),
        resolved.map((link) => link.skillId),
        resolved.map((link) => link.relation),
        resolved.map((link) => link.position),
        this.source,
      ],
    );
    this.linksWritten += inserted.length;
    const core = resolved.filter((link) => link.owned && link.relation === 'core');
    await this.manager.query(
      `INSERT INTO role_core_skills (role_id, skill_id, position, source)
       SELECT u.*, $4 FROM unnest($1::int[], $2::int[], $3::int[]) AS u(role_id, skill_id, position)
       ON CONFLICT DO NOTHING`,
      [core.map((link) => link.roleId), core.map((link) => link.skillId), core.map((link) => link.position), this.source],
    );
  }

  async recordEntries(release: string, skills: PlannedSkill[], roles: PlannedRole[]): Promise<void> {
    const entries = [
      ...skills.map((skill) => ({
        kind: 'skill',
        planned: skill,
        code: null,
        skillId: this.idOf(this.skillIds, skill.entry.externalId),
        roleId: null,
      })),
      ...roles.map((role) => ({
        kind: 'role',
        planned: role,
        code: role.entry.code,
        skillId: null,
        roleId: this.idOf(this.roleIds, role.entry.externalId),
      })),
    ];
    await this.manager.query(
      `INSERT INTO catalog_import_entries
         (source, kind, external_id, code, skill_id, role_id, merged, content_hash, release, first_version, changed_version)
       SELECT $8, u.kind, u.external_id, u.code, u.skill_id, u.role_id, u.merged, u.content_hash, $9, $10, $10
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::boolean[], $7::text[])
         AS u(kind, external_id, code, skill_id, role_id, merged, content_hash)
       ON CONFLICT (source, kind, external_id) DO UPDATE SET
         code = EXCLUDED.code, skill_id = EXCLUDED.skill_id, role_id = EXCLUDED.role_id, merged = EXCLUDED.merged,
         content_hash = EXCLUDED.content_hash, release = EXCLUDED.release, changed_version = EXCLUDED.changed_version,
         retired_at = NULL, retired_version = NULL`,
      [
        entries.map((entry) => entry.kind),
        entries.map((entry) => entry.planned.entry.externalId),
        entries.map((entry) => entry.code),
        entries.map((entry) => entry.skillId),
        entries.map((entry) => entry.roleId),
        entries.map((entry) => entry.planned.target.merged),
        entries.map((entry) => entry.planned.contentHash),
        this.source,
        release,
        this.version,
      ],
    );
  }

  /**
   * Entries the release no longer has. A row the import owns stays, marked retired, for history; the
   * aliases an entry merged into someone else's row are withdrawn, since the taxonomy no longer vouches for them.
   */
  async retire(retired: PreviousImport[]): Promise<void> {
    for (const kind of ['skill', 'role'] as const) {
      const entries = retired.filter((entry) => entry.kind === kind);
      if (entries.length === 0) continue;
      const table = kind === 'skill' ? 'skills' : 'roles';
      const parent = kind === 'skill' ? 'skill_id' : 'role_id';
      await this.manager.query(
        `UPDATE catalog_import_entries SET retired_at = now(), retired_version = $4
         WHERE source = $1 AND kind = $2 AND external_id = ANY($3::text[])`,
        [this.source, kind, entries.map((entry) => entry.externalId), this.version],
      );
      await this.manager.query(`UPDATE ${table} SET retired_at = now() WHERE id = ANY($1::int[]) AND source = $2`, [
        entries.filter((entry) => !entry.merged).map((entry) => entry.targetId),
        this.source,
      ]);
      const mergedIds = entries.filter((entry) => entry.merged).map((entry) => entry.targetId);
      const children = kind === 'skill' ? ['skill_aliases'] : ['role_aliases', 'role_skill_links'];
      for (const child of children) {
        await this.manager.query(`DELETE FROM ${child} WHERE ${parent} = ANY($1::int[]) AND source = $2`, [mergedIds, this.source]);
      }
    }
  }

  private async insertRoleTexts(
    table: 'role_aliases' | 'role_kras',
    rows: ReadonlyArray<readonly [number, string, number]>,
  ): Promise<number> {
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO ${table} (role_id, text, position, source)
       SELECT u.*, $4 FROM unnest($1::int[], $2::text[], $3::int[]) AS u(role_id, text, position)
       ON CONFLICT (role_id, text) DO NOTHING RETURNING id`,
      [rows.map((row) => row[0]), rows.map((row) => row[1]), rows.map((row) => row[2]), this.source],
    );
    return inserted.length;
  }

  private idOf(ids: Map<string, number>, externalId: string): number {
    const id = ids.get(externalId);
    if (id === undefined) throw new Error(`no catalog row for imported ${externalId}`);
    return id;
  }
}

// Aliases merged into someone else's row come after that row's own, whatever their number.
const MERGED_ALIAS_POSITION = 10_000;

function positionOf(merged: boolean, index: number): number {
  return merged ? MERGED_ALIAS_POSITION + index : index;
}

function skillColumns(skills: PlannedSkill[], slugOf: (skill: PlannedSkill) => string): unknown[][] {
  return [
    skills.map(slugOf),
    skills.map((skill) => skill.entry.name),
    skills.map((skill) => skill.entry.category),
    skills.map((skill) => skill.entry.subCategory),
    skills.map((skill) => skill.entry.nature),
    skills.map((skill) => skill.entry.volatility),
    skills.map((skill) => skill.entry.lifespan),
    skills.map((skill) => skill.entry.versionStrategy),
    skills.map((skill) => skill.entry.externalId),
  ];
}

function roleColumns(roles: PlannedRole[]): unknown[][] {
  return [
    roles.map((role) => role.target.slug),
    roles.map((role) => role.entry.name),
    roles.map((role) => role.entry.domain),
    roles.map((role) => role.entry.description),
    roles.map((role) => role.entry.externalId),
  ];
}
