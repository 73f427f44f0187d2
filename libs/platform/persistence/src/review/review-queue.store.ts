import type { DataSource, EntityManager } from 'typeorm';

import type { ProposalKind } from '@jdpipe/contracts';

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
import { ReviewSessionWriter } from './review-session.writer';

export type { ReviewActionRecordRow, ReviewEvidence, ReviewQueueItem, ReviewStatus } from './review-rows';
export { ReviewSessionWriter } from './review-session.writer';

export interface PendingQuery {
  kind?: ProposalKind;
  limit: number;
  evidencePerItem?: number;
}

export interface ReviewItemQuery {
  kind?: ProposalKind;
  status?: ReviewStatus;
  limit: number;
  evidencePerItem?: number;
}

/** A run that proposed an item, with what the reviewer needs to judge it. */
export interface ProposingRunRow {
  runId: string;
  postingId: string;
  title: string | null;
  roleSlug: string | null;
  createdAt: string;
  evidence: string | null;
}

interface EvidenceRow {
  queue_id: number;
  run_id: string;
  evidence: string | null;
  created_at: Date;
}

export class ReviewQueueStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Pending items, most frequent first (then oldest first), each with its latest evidence. */
  async listPending(query: PendingQuery): Promise<ReviewQueueItem[]> {
    const rows: ItemRow[] = await this.dataSource.query(
      `SELECT id, kind, value, normalised_value, target, payload, status, occurrences, first_run_id, last_run_id,
              decided_by, decided_at, created_at, updated_at
       FROM review_queue
       WHERE status = 'pending' AND ($1::text IS NULL OR kind = $1)
       ORDER BY occurrences DESC, created_at ASC, id ASC
       LIMIT $2`,
      [query.kind ?? null, Math.max(0, Math.floor(query.limit))],
    );
    if (rows.length === 0) return [];
    const evidenceRows: EvidenceRow[] = await this.dataSource.query(
      `SELECT queue_id, run_id, evidence, created_at FROM (
         SELECT e.*, row_number() OVER (PARTITION BY e.queue_id ORDER BY e.created_at DESC, e.id DESC) AS rank
         FROM review_queue_evidence e WHERE e.queue_id = ANY($1::int[])
       ) ranked
       WHERE rank <= $2
       ORDER BY queue_id, rank`,
      [rows.map((row) => row.id), query.evidencePerItem ?? 5],
    );
    const evidenceByItem = new Map<number, ReviewEvidence[]>();
    for (const row of evidenceRows) {
      const list = evidenceByItem.get(row.queue_id) ?? [];
      list.push({ runId: row.run_id, evidence: row.evidence, seenAt: new Date(row.created_at).toISOString() });
      evidenceByItem.set(row.queue_id, list);
    }
    return rows.map((row) => toReviewQueueItem(row, evidenceByItem.get(row.id) ?? []));
  }

  /** Items of any status (all by default), most frequent first, each with its latest evidence. */
  async listItems(query: ReviewItemQuery): Promise<ReviewQueueItem[]> {
    const rows: ItemRow[] = await this.dataSource.query(
      `SELECT ${ITEM_COLUMNS} FROM review_queue
       WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2)
       ORDER BY occurrences DESC, created_at ASC, id ASC
       LIMIT $3`,
      [query.kind ?? null, query.status ?? null, Math.max(0, Math.floor(query.limit))],
    );
    return this.withEvidence(rows, query.evidencePerItem ?? 5);
  }

  async findItem(id: number): Promise<ReviewQueueItem | null> {
    const rows: ItemRow[] = await this.dataSource.query(`SELECT ${ITEM_COLUMNS} FROM review_queue WHERE id = $1`, [id]);
    return (await this.withEvidence(rows, 5))[0] ?? null;
  }

  /** The runs that proposed an item, latest first, with the text each one saw. */
  async proposingRuns(id: number, limit: number): Promise<ProposingRunRow[]> {
    const rows: Array<{
      run_id: string;
      posting_id: string;
      title: string | null;
      role_slug: string | null;
      created_at: Date;
      evidence: string | null;
    }> = await this.dataSource.query(
      `SELECT e.run_id, r.posting_id, r.title, r.role_slug, e.created_at, e.evidence
         FROM review_queue_evidence e JOIN runs r ON r.run_id = e.run_id
         WHERE e.queue_id = $1 ORDER BY e.created_at DESC, e.id DESC LIMIT $2`,
      [id, Math.max(0, Math.floor(limit))],
    );
    return rows.map((row) => ({
      runId: row.run_id,
      postingId: row.posting_id,
      title: row.title,
      roleSlug: row.role_slug,
      createdAt: new Date(row.created_at).toISOString(),
      evidence: row.evidence,
    }));
  }

  /** The history of decisions on an item, oldest first. */
  async actionsOf(id: number): Promise<ReviewActionRecordRow[]> {
    const rows: ReviewActionRow[] = await this.dataSource.query(`SELECT * FROM review_actions WHERE queue_id = $1 ORDER BY id`, [id]);
    return rows.map(toReviewAction);
  }

  /** Runs one review action in a transaction that also holds the catalog write lock. */
  async withinSession<T>(work: (session: ReviewSessionWriter) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new ReviewSessionWriter(manager, (ids) => this.evidenceOf(manager, ids, 5))));
  }

  private async withEvidence(rows: ItemRow[], evidencePerItem: number): Promise<ReviewQueueItem[]> {
    if (rows.length === 0) return [];
    const evidenceByItem = await this.evidenceOf(
      this.dataSource.manager,
      rows.map((row) => row.id),
      evidencePerItem,
    );
    return rows.map((row) => toReviewQueueItem(row, evidenceByItem.get(row.id) ?? []));
  }

  private async evidenceOf(manager: EntityManager, ids: number[], evidencePerItem: number): Promise<Map<number, ReviewEvidence[]>> {
    const evidenceRows: EvidenceRow[] = await manager.query(
      `SELECT queue_id, run_id, evidence, created_at FROM (
         SELECT e.*, row_number() OVER (PARTITION BY e.queue_id ORDER BY e.created_at DESC, e.id DESC) AS rank
         FROM review_queue_evidence e WHERE e.queue_id = ANY($1::int[])
       ) ranked
       WHERE rank <= $2
       ORDER BY queue_id, rank`,
      [ids, evidencePerItem],
    );
    const evidenceByItem = new Map<number, ReviewEvidence[]>();
    for (const row of evidenceRows) {
      const list = evidenceByItem.get(row.queue_id) ?? [];
      list.push({ runId: row.run_id, evidence: row.evidence, seenAt: new Date(row.created_at).toISOString() });
      evidenceByItem.set(row.queue_id, list);
    }
    return evidenceByItem;
  }

  /** Records a reviewer's decision; returns false when the item does not exist. */
  async decide(id: number, status: Exclude<ReviewStatus, 'pending'>, decidedBy: string): Promise<boolean> {
    const [, updated]: [unknown, number] = await this.dataSource.query(
      `UPDATE review_queue SET status = $2, decided_by = $3, decided_at = now(), updated_at = now() WHERE id = $1`,
      [id, status, decidedBy],
    );
    return updated > 0;
  }
}
