import type { DataSource } from 'typeorm';

import { isTaxonomySource } from '@jdpipe/catalog';
import type { RunDocument } from '@jdpipe/contracts';
import { CatalogStore } from '@jdpipe/persistence';
import { checkedEffect } from '@jdpipe/review';

import type { CatalogChangeTerms } from './affected-runs';

interface VersionRow {
  id: number;
  reason: string;
  source: string | null;
}

interface ActionRow {
  catalog_version: number | null;
  undo_catalog_version: number | null;
  detail: { effects?: Array<{ type: string } & Record<string, unknown>> };
  value: string;
}

interface ImportEntryRow {
  first_version: number;
  changed_version: number;
  retired_version: number | null;
  skill_id: number | null;
  role_id: number | null;
}

interface TitledRow {
  id: number;
  slug: string;
  name: string;
  texts: Array<string | null>;
}

/** What `jdpipe rerun` reads: catalog versions and what each touched, and the runs they may affect. */
export class RerunStore {
  constructor(private readonly dataSource: DataSource) {}

  currentVersion(): Promise<number | null> {
    return new CatalogStore(this.dataSource).latestVersion();
  }

  /**
   * Every catalog version after `since` with the terms it touched: from the review actions that made (or
   * undid) it, and from the taxonomy entries an import added, changed or retired. Other versions (seed
   * syncs, catalog files) name no terms.
   */
  async changesSince(since: number): Promise<CatalogChangeTerms[]> {
    const versions = (await this.dataSource.query(
      `SELECT id, reason, changes->>'source' AS source FROM catalog_versions WHERE id > $1 ORDER BY id`,
      [since],
    )) as VersionRow[];
    const terms = new Map<number, Set<string>>();
    const add = (version: number | null, words: Iterable<string>) => {
      if (version === null || version <= since) return;
      const set = terms.get(version) ?? new Set<string>();
      for (const word of words) if (word.trim()) set.add(word.trim());
      terms.set(version, set);
    };
    await this.addReviewTerms(since, add);
    await this.addImportTerms(since, add);
    return versions.map((version) => ({
      version: version.id,
      reason: version.reason,
      terms: terms.has(version.id)
        ? [...terms.get(version.id)!]
        : isTaxonomySource(version.source)
          ? [] // a taxonomy import (they record the entries they touch) that changed none
          : null,
    }));
  }

  /** The latest run of each posting made with a catalog in [since, current), failed runs aside, oldest first. */
  async runsToReconsider(since: number, current: number): Promise<RunDocument[]> {
    const rows = (await this.dataSource.query(
      `SELECT document FROM (
         SELECT DISTINCT ON (posting_id) document, catalog_version, status, created_at
         FROM runs ORDER BY posting_id, created_at DESC, run_id
       ) latest
       WHERE catalog_version >= $1 AND catalog_version < $2 AND status <> 'failed'
       ORDER BY created_at`,
      [since, current],
    )) as Array<{ document: RunDocument }>;
    return rows.map((row) => row.document);
  }

  private async addReviewTerms(since: number, add: (version: number | null, words: Iterable<string>) => void): Promise<void> {
    const actions = (await this.dataSource.query(
      `SELECT a.catalog_version, a.undo_catalog_version, a.detail, q.value
       FROM review_actions a JOIN review_queue q ON q.id = a.queue_id
       WHERE a.catalog_version > $1 OR a.undo_catalog_version > $1`,
      [since],
    )) as ActionRow[];
    const skillSlugs = new Set<string>();
    const roleSlugs = new Set<string>();
    const pending: Array<{ versions: Array<number | null>; words: string[]; skill?: string; role?: string }> = [];
    for (const action of actions) {
      const versions = [action.catalog_version, action.undo_catalog_version];
      for (const raw of action.detail.effects ?? []) {
        const effect = checkedEffect(raw);
        switch (effect.type) {
          case 'skill_created':
            skillSlugs.add(effect.slug);
            pending.push({ versions, words: [effect.name, action.value], skill: effect.slug });
            break;
          case 'skill_alias_added':
            pending.push({ versions, words: [effect.text] });
            break;
          case 'role_kra_added':
            // A new KRA moves the role's scores: postings that name the role are the ones it may change.
            roleSlugs.add(effect.roleSlug);
            pending.push({ versions, words: [], role: effect.roleSlug });
            break;
          case 'role_created':
            roleSlugs.add(effect.slug);
            pending.push({ versions, words: [effect.name, action.value], role: effect.slug });
            break;
          case 'merged_into_item':
            break;
        }
      }
    }
    const skills = await this.titles('skills', 'skill_aliases', 'skill_id', [], [...skillSlugs]);
    const roles = await this.titles('roles', 'role_aliases', 'role_id', [], [...roleSlugs]);
    for (const entry of pending) {
      const words = [
        ...entry.words,
        ...(entry.skill ? (skills.bySlug.get(entry.skill) ?? []) : []),
        ...(entry.role ? (roles.bySlug.get(entry.role) ?? []) : []),
      ];
      for (const version of entry.versions) add(version, words);
    }
  }

  private async addImportTerms(since: number, add: (version: number | null, words: Iterable<string>) => void): Promise<void> {
    const entries = (await this.dataSource.query(
      `SELECT first_version, changed_version, retired_version, skill_id, role_id FROM catalog_import_entries
       WHERE first_version > $1 OR changed_version > $1 OR retired_version > $1`,
      [since],
    )) as ImportEntryRow[];
    if (entries.length === 0) return;
    const skills = await this.titles('skills', 'skill_aliases', 'skill_id', idsOf(entries, 'skill_id'), []);
    const roles = await this.titles('roles', 'role_aliases', 'role_id', idsOf(entries, 'role_id'), []);
    for (const entry of entries) {
      const words =
        entry.skill_id !== null ? skills.byId.get(entry.skill_id) : entry.role_id !== null ? roles.byId.get(entry.role_id) : undefined;
      if (!words) continue;
      for (const version of new Set([entry.first_version, entry.changed_version, entry.retired_version])) add(version, words);
    }
  }

  /** Names and aliases (skills) or titles (roles) of the given rows, by id and by slug. */
  private async titles(
    table: 'skills' | 'roles',
    aliasTable: 'skill_aliases' | 'role_aliases',
    foreignKey: 'skill_id' | 'role_id',
    ids: number[],
    slugs: string[],
  ): Promise<{ byId: Map<number, string[]>; bySlug: Map<string, string[]> }> {
    const byId = new Map<number, string[]>();
    const bySlug = new Map<string, string[]>();
    if (ids.length + slugs.length === 0) return { byId, bySlug };
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.slug, t.name, array_agg(a.text) AS texts
       FROM ${table} t LEFT JOIN ${aliasTable} a ON a.${foreignKey} = t.id
       WHERE t.id = ANY($1::int[]) OR t.slug = ANY($2::text[])
       GROUP BY t.id, t.slug, t.name`,
      [ids, slugs],
    )) as TitledRow[];
    for (const row of rows) {
      const words = [row.name, ...row.texts.filter((text): text is string => typeof text === 'string')];
      byId.set(row.id, words);
      bySlug.set(row.slug, words);
    }
    return { byId, bySlug };
  }
}

function idsOf(entries: ImportEntryRow[], column: 'skill_id' | 'role_id'): number[] {
  return [...new Set(entries.flatMap((entry) => (entry[column] === null ? [] : [entry[column]])))];
}
