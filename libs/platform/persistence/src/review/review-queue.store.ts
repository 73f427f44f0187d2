import type { DataSource } from 'typeorm';

import type { ProposalKind } from '@jdpipe/contracts';

export type ReviewStatus = 'pending' | 'approved' | 'rejected';

export interface ReviewEvidence {
  runId: string;
  evidence: string | null;
  seenAt: string;
}

/** A review item as a reviewer sees it: how often it came up and where. */
export interface ReviewQueueItem {
  id: number;
  kind: ProposalKind;
  value: string;
  normalisedValue: string;
  target: string | null;
  payload: Record<string, unknown>;
  status: ReviewStatus;
  occurrences: number;
  firstRunId: string | null;
  lastRunId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  lastSeenAt: string;
  /** Most recent first, at most `evidencePerItem` of them. */
  evidence: ReviewEvidence[];
}

export interface PendingQuery {
  kind?: ProposalKind;
  limit: number;
  evidencePerItem?: number;
}

interface ItemRow {
  id: number;
  kind: string;
  value: string;
  normalised_value: string;
  target: string | null;
  payload: Record<string, unknown>;
  status: string;
  occurrences: number;
  first_run_id: string | null;
  last_run_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
  updated_at: Date;
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

  /** Records a reviewer's decision; returns false when the item does not exist. */
  async decide(id: number, status: Exclude<ReviewStatus, 'pending'>, decidedBy: string): Promise<boolean> {
    const [, updated]: [unknown, number] = await this.dataSource.query(
      `UPDATE review_queue SET status = $2, decided_by = $3, decided_at = now(), updated_at = now() WHERE id = $1`,
      [id, status, decidedBy],
    );
    return updated > 0;
  }
}

function toReviewQueueItem(row: ItemRow, evidence: ReviewEvidence[]): ReviewQueueItem {
  const iso = (value: Date) => new Date(value).toISOString();
  return {
    id: row.id,
    // CHECK constraints restrict kind and status to these values.
    kind: row.kind as ProposalKind,
    value: row.value,
    normalisedValue: row.normalised_value,
    target: row.target,
    payload: row.payload,
    status: row.status as ReviewStatus,
    occurrences: row.occurrences,
    firstRunId: row.first_run_id,
    lastRunId: row.last_run_id,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
    createdAt: iso(row.created_at),
    lastSeenAt: iso(row.updated_at),
    evidence,
  };
}
