import type { ProposalKind } from '@jdpipe/contracts';

export type ReviewStatus = 'pending' | 'approved' | 'rejected' | 'merged';

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

/** A review_queue row as the driver returns it. */
export interface ItemRow {
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

export const ITEM_COLUMNS = `id, kind, value, normalised_value, target, payload, status, occurrences, first_run_id, last_run_id,
  decided_by, decided_at, created_at, updated_at`;

export function toReviewQueueItem(row: ItemRow, evidence: ReviewEvidence[]): ReviewQueueItem {
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

export type ReviewActionName = 'approve' | 'reject' | 'merge';

/** A review_actions row as the driver returns it. */
export interface ReviewActionRow {
  id: number;
  queue_id: number;
  action: string;
  actor: string;
  detail: ReviewActionRecordRow['detail'];
  catalog_version: number | null;
  created_at: Date;
  undone_by: string | null;
  undone_at: Date | null;
  undo_catalog_version: number | null;
}

/** One recorded review decision; `detail.effects` is what undo reverts. */
export interface ReviewActionRecordRow {
  id: number;
  queueId: number;
  action: ReviewActionName;
  actor: string;
  // The effects are written and read by the review service only; the store keeps them as JSON.
  detail: { effects: Array<{ type: string } & Record<string, unknown>> } & Record<string, unknown>;
  catalogVersion: number | null;
  createdAt: string;
  undoneBy: string | null;
  undoneAt: string | null;
  undoCatalogVersion: number | null;
}

export function toReviewAction(row: ReviewActionRow): ReviewActionRecordRow {
  return {
    id: row.id,
    queueId: row.queue_id,
    // A CHECK constraint restricts the action to these values.
    action: row.action as ReviewActionName,
    actor: row.actor,
    detail: row.detail,
    catalogVersion: row.catalog_version,
    createdAt: new Date(row.created_at).toISOString(),
    undoneBy: row.undone_by,
    undoneAt: row.undone_at ? new Date(row.undone_at).toISOString() : null,
    undoCatalogVersion: row.undo_catalog_version,
  };
}
