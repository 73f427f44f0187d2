import type { Catalog, SkillNature } from '@jdpipe/catalog';
import type { ProposalKind } from '@jdpipe/contracts';

/** Where a review item stands; the CLI and the API filter by exactly these. */
export const REVIEW_ITEM_STATUSES = ['pending', 'approved', 'rejected', 'merged'] as const;
export type ReviewItemStatus = (typeof REVIEW_ITEM_STATUSES)[number];
export type ReviewActionKind = 'approve' | 'reject' | 'merge';

export interface ReviewEvidence {
  runId: string;
  evidence: string | null;
  seenAt: string;
}

/** A proposal in the review queue, with how often runs proposed it. */
export interface ReviewItem {
  id: number;
  kind: ProposalKind;
  value: string;
  normalisedValue: string;
  target: string | null;
  payload: Record<string, unknown>;
  status: ReviewItemStatus;
  occurrences: number;
  firstRunId: string | null;
  lastRunId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  lastSeenAt: string;
  evidence: ReviewEvidence[];
}

/** A run that proposed an item, as far as a reviewer needs to judge it. */
export interface ProposingRun {
  runId: string;
  postingId: string;
  title: string | null;
  roleSlug: string | null;
  createdAt: string;
  evidence: string | null;
}

/** What an action changed in the catalog or the queue: the recipe for undoing it. */
export type ReviewEffect =
  | { type: 'skill_created'; slug: string; name: string }
  | { type: 'skill_alias_added'; skillSlug: string; text: string }
  | { type: 'role_kra_added'; roleSlug: string; text: string }
  | { type: 'role_created'; slug: string; name: string }
  | { type: 'merged_into_item'; targetItemId: number; occurrences: number };

export type ReviewActionDetail = {
  /** What the reviewer changed before approving (edit-then-approve). */
  edits?: { name?: string; category?: string; nature?: string };
  into?: string;
  effects: ReviewEffect[];
};

/** The detail as storage hands it back: JSON that the service checks before acting on it. */
export type StoredActionDetail = { effects: Array<{ type: string } & Record<string, unknown>> } & Record<string, unknown>;

export interface ReviewActionRecord {
  id: number;
  queueId: number;
  action: ReviewActionKind;
  actor: string;
  detail: StoredActionDetail;
  catalogVersion: number | null;
  createdAt: string;
  undoneBy: string | null;
  undoneAt: string | null;
  undoCatalogVersion: number | null;
}

export interface ReviewListQuery {
  kind?: ProposalKind;
  status?: ReviewItemStatus;
  limit: number;
}

export interface NewSkill {
  slug: string;
  name: string;
  category: string;
  nature: SkillNature;
  /** From the proposal's model enrichment when it has one; the store's defaults otherwise. */
  volatility?: string;
  lifespan?: string;
  versionStrategy?: string;
  aliases: Array<{ text: string; type: 'canonical' | 'synonym'; caseSensitive: boolean }>;
}

export interface NewRole {
  slug: string;
  name: string;
  domain: string;
  aliases: string[];
  kras: string[];
}

export interface NewReviewAction {
  queueId: number;
  action: ReviewActionKind;
  actor: string;
  detail: ReviewActionDetail;
  catalogVersion: number | null;
}

/** Writes of one review action, all in one transaction: queue, catalog and history change together. */
export interface ReviewSession {
  /** Locks and returns the item, or null when there is none. */
  lockItem(id: number): Promise<ReviewItem | null>;
  setItemStatus(id: number, status: ReviewItemStatus, decidedBy: string | null): Promise<void>;
  addOccurrences(id: number, delta: number): Promise<void>;

  skillExists(slug: string): Promise<boolean>;
  roleExists(slug: string): Promise<boolean>;
  domainExists(slug: string): Promise<boolean>;
  createSkill(skill: NewSkill): Promise<void>;
  /** Removes a skill this review loop created (never a seed or imported one). */
  deleteReviewSkill(slug: string): Promise<void>;
  /** Returns false when the skill already had that alias. */
  addSkillAlias(skillSlug: string, text: string): Promise<boolean>;
  removeReviewSkillAlias(skillSlug: string, text: string): Promise<void>;
  addRoleKra(roleSlug: string, text: string): Promise<boolean>;
  removeReviewRoleKra(roleSlug: string, text: string): Promise<void>;
  createRole(role: NewRole): Promise<void>;
  deleteReviewRole(slug: string): Promise<void>;

  /** Records a new catalog version; returns its id. */
  bumpCatalogVersion(reason: string, changes: Record<string, unknown>): Promise<number>;
  recordAction(
    action: Omit<ReviewActionRecord, 'id' | 'createdAt' | 'undoneBy' | 'undoneAt' | 'undoCatalogVersion'>,
  ): Promise<ReviewActionRecord>;
  lockAction(id: number): Promise<ReviewActionRecord | null>;
  /** Actions recorded after the given one and not undone, oldest first. */
  liveActionsAfter(id: number): Promise<ReviewActionRecord[]>;
  markActionUndone(id: number, undoneBy: string, catalogVersion: number | null): Promise<void>;
}

/** The queue and history storage of the review loop. */
export interface ReviewRepository {
  listItems(query: ReviewListQuery): Promise<ReviewItem[]>;
  findItem(id: number): Promise<ReviewItem | null>;
  proposingRuns(id: number, limit: number): Promise<ProposingRun[]>;
  actionsOf(id: number): Promise<ReviewActionRecord[]>;
  withinSession<T>(work: (session: ReviewSession) => Promise<T>): Promise<T>;
}

/** The current catalog, for suggestions and for resolving merge targets. */
export interface ReviewCatalogReader {
  loadCatalog(): Promise<Catalog>;
}
