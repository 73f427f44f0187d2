import type { EntityManager } from 'typeorm';

import {
  ITEM_COLUMNS,
  toReviewAction,
  toReviewQueueItem,
  type ItemRow,
  type ReviewActionRecordRow,
  type ReviewActionRow,
  type ReviewEvidence,
  type ReviewQueueItem,
  type ReviewStatus,
} from './review-rows';

// The seed sync's and the importer's lock: a review action never interleaves with another catalog write.
const CATALOG_WRITE_LOCK_KEY = 4_207_311;
/** Rows the review loop adds to the catalog; a seed sync keeps them (it only rewrites source = 'seed'). */
export const REVIEW_SOURCE = 'review';

export interface ReviewSkillRow {
  slug: string;
  name: string;
  category: string;
  nature: string;
  /** Absent: MEDIUM, MULTI_YEAR, NOT_APPLICABLE. */
  volatility?: string;
  lifespan?: string;
  versionStrategy?: string;
  aliases: Array<{ text: string; type: 'canonical' | 'synonym'; caseSensitive: boolean }>;
}

export interface ReviewRoleRow {
  slug: string;
  name: string;
  domain: string;
  aliases: string[];
  kras: string[];
}

export interface NewReviewAction {
  queueId: number;
  action: ReviewActionRecordRow['action'];
  actor: string;
  detail: ReviewActionRecordRow['detail'];
  catalogVersion: number | null;
}

/** The writes of one review action inside its transaction: queue item, catalog rows, version and history. */
export class ReviewSessionWriter {
  private locked = false;

  constructor(
    private readonly manager: EntityManager,
    private readonly evidenceOf: (ids: number[]) => Promise<Map<number, ReviewEvidence[]>>,
  ) {}

  async lockItem(id: number): Promise<ReviewQueueItem | null> {
    await this.lockCatalog();
    const rows: ItemRow[] = await this.manager.query(`SELECT ${ITEM_COLUMNS} FROM review_queue WHERE id = $1 FOR UPDATE`, [id]);
    if (rows.length === 0) return null;
    const evidence = await this.evidenceOf([id]);
    return toReviewQueueItem(rows[0], evidence.get(id) ?? []);
  }

  async setItemStatus(id: number, status: ReviewStatus, decidedBy: string | null): Promise<void> {
    await this.manager.query(
      `UPDATE review_queue SET status = $2, decided_by = $3, decided_at = CASE WHEN $3::text IS NULL THEN NULL ELSE now() END,
         updated_at = now()
       WHERE id = $1`,
      [id, status, decidedBy],
    );
  }

  async addOccurrences(id: number, delta: number): Promise<void> {
    await this.manager.query(`UPDATE review_queue SET occurrences = GREATEST(1, occurrences + $2) WHERE id = $1`, [id, delta]);
  }

  async skillExists(slug: string): Promise<boolean> {
    return this.exists(`SELECT 1 FROM skills WHERE slug = $1 AND retired_at IS NULL`, [slug]);
  }

  async roleExists(slug: string): Promise<boolean> {
    return this.exists(`SELECT 1 FROM roles WHERE slug = $1 AND retired_at IS NULL`, [slug]);
  }

  async domainExists(slug: string): Promise<boolean> {
    return this.exists(`SELECT 1 FROM domains WHERE slug = $1`, [slug]);
  }

  async createSkill(skill: ReviewSkillRow): Promise<void> {
    await this.manager.query(`INSERT INTO skill_categories (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [skill.category]);
    const rows: Array<{ id: number }> = await this.manager.query(
      `INSERT INTO skills (slug, name, category, sub_category, nature, volatility, lifespan, version_strategy, source)
       VALUES ($1, $2, $3, NULL, $4, $6, $7, $8, $5) RETURNING id`,
      [
        skill.slug,
        skill.name,
        skill.category,
        skill.nature,
        REVIEW_SOURCE,
        skill.volatility ?? 'MEDIUM',
        skill.lifespan ?? 'MULTI_YEAR',
        skill.versionStrategy ?? 'NOT_APPLICABLE',
      ],
    );
    await this.manager.query(
      `INSERT INTO skill_aliases (skill_id, text, alias_type, match_strategy, position, source)
       SELECT $1, u.text, u.alias_type, u.match_strategy, u.position - 1, $5
       FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(text, alias_type, match_strategy, position)
       ON CONFLICT (skill_id, text) DO NOTHING`,
      [
        rows[0].id,
        skill.aliases.map((alias) => alias.text),
        skill.aliases.map((alias) => alias.type),
        skill.aliases.map((alias) => (alias.caseSensitive ? 'case_sensitive' : 'case_insensitive')),
        REVIEW_SOURCE,
      ],
    );
  }

  async deleteReviewSkill(slug: string): Promise<void> {
    await this.manager.query(`DELETE FROM skills WHERE slug = $1 AND source = $2`, [slug, REVIEW_SOURCE]);
  }

  async addSkillAlias(skillSlug: string, text: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO skill_aliases (skill_id, text, alias_type, match_strategy, position, source)
       SELECT s.id, $2, 'synonym', CASE WHEN length($2) <= 3 THEN 'case_sensitive' ELSE 'case_insensitive' END,
              COALESCE((SELECT max(position) + 1 FROM skill_aliases WHERE skill_id = s.id), 0), $3
       FROM skills s WHERE s.slug = $1
       ON CONFLICT (skill_id, text) DO NOTHING
       RETURNING id`,
      [skillSlug, text, REVIEW_SOURCE],
    );
    return rows.length > 0;
  }

  async removeReviewSkillAlias(skillSlug: string, text: string): Promise<void> {
    await this.manager.query(
      `DELETE FROM skill_aliases a USING skills s WHERE a.skill_id = s.id AND s.slug = $1 AND a.text = $2 AND a.source = $3`,
      [skillSlug, text, REVIEW_SOURCE],
    );
  }

  async addRoleKra(roleSlug: string, text: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO role_kras (role_id, text, position, source)
       SELECT r.id, $2, COALESCE((SELECT max(position) + 1 FROM role_kras WHERE role_id = r.id), 0), $3
       FROM roles r WHERE r.slug = $1
       ON CONFLICT (role_id, text) DO NOTHING
       RETURNING id`,
      [roleSlug, text, REVIEW_SOURCE],
    );
    return rows.length > 0;
  }

  async removeReviewRoleKra(roleSlug: string, text: string): Promise<void> {
    await this.manager.query(
      `DELETE FROM role_kras k USING roles r WHERE k.role_id = r.id AND r.slug = $1 AND k.text = $2 AND k.source = $3`,
      [roleSlug, text, REVIEW_SOURCE],
    );
  }

  async createRole(role: ReviewRoleRow): Promise<void> {
    const rows: Array<{ id: number }> = await this.manager.query(
      `INSERT INTO roles (slug, name, domain, description, source) VALUES ($1, $2, $3, '', $4) RETURNING id`,
      [role.slug, role.name, role.domain, REVIEW_SOURCE],
    );
    for (const [table, texts] of [
      ['role_aliases', role.aliases],
      ['role_kras', role.kras],
    ] as const) {
      await this.manager.query(
        `INSERT INTO ${table} (role_id, text, position, source)
         SELECT $1, u.text, u.position - 1, $3 FROM unnest($2::text[]) WITH ORDINALITY AS u(text, position)
         ON CONFLICT (role_id, text) DO NOTHING`,
        [rows[0].id, texts, REVIEW_SOURCE],
      );
    }
  }

  async deleteReviewRole(slug: string): Promise<void> {
    await this.manager.query(`DELETE FROM roles WHERE slug = $1 AND source = $2`, [slug, REVIEW_SOURCE]);
  }

  /** A new catalog version; the seed hash is carried forward, so the next unchanged seed sync stays a no-op. */
  async bumpCatalogVersion(reason: string, changes: Record<string, unknown>): Promise<number> {
    await this.lockCatalog();
    const rows: Array<{ id: number }> = await this.manager.query(
      `INSERT INTO catalog_versions (content_hash, reason, changes)
       SELECT COALESCE((SELECT content_hash FROM catalog_versions ORDER BY id DESC LIMIT 1), 'review'), $1, $2::jsonb
       RETURNING id`,
      [reason, JSON.stringify(changes)],
    );
    return rows[0].id;
  }

  async recordAction(action: NewReviewAction): Promise<ReviewActionRecordRow> {
    const rows: ReviewActionRow[] = await this.manager.query(
      `INSERT INTO review_actions (queue_id, action, actor, detail, catalog_version) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING *`,
      [action.queueId, action.action, action.actor, JSON.stringify(action.detail), action.catalogVersion],
    );
    return toReviewAction(rows[0]);
  }

  async lockAction(id: number): Promise<ReviewActionRecordRow | null> {
    await this.lockCatalog();
    const rows: ReviewActionRow[] = await this.manager.query(`SELECT * FROM review_actions WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0 ? toReviewAction(rows[0]) : null;
  }

  async liveActionsAfter(id: number): Promise<ReviewActionRecordRow[]> {
    const rows: ReviewActionRow[] = await this.manager.query(
      `SELECT * FROM review_actions WHERE id > $1 AND undone_at IS NULL ORDER BY id`,
      [id],
    );
    return rows.map(toReviewAction);
  }

  async markActionUndone(id: number, undoneBy: string, catalogVersion: number | null): Promise<void> {
    await this.manager.query(`UPDATE review_actions SET undone_by = $2, undone_at = now(), undo_catalog_version = $3 WHERE id = $1`, [
      id,
      undoneBy,
      catalogVersion,
    ]);
  }

  private async lockCatalog(): Promise<void> {
    if (this.locked) return;
    await this.manager.query('SELECT pg_advisory_xact_lock($1)', [CATALOG_WRITE_LOCK_KEY]);
    this.locked = true;
  }

  private async exists(sql: string, parameters: unknown[]): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(sql, parameters);
    return rows.length > 0;
  }
}
