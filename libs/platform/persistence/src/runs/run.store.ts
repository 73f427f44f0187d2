import type { DataSource, EntityManager } from 'typeorm';

import type {
  CandidateRoleSignal,
  DecisionCase,
  ExtractionMode,
  LlmCallExchange,
  LlmCallRecord,
  Proposal,
  RunDocument,
  RunStatus,
} from '@jdpipe/contracts';
import { withSpan } from '@jdpipe/telemetry';

import { normaliseProposalValue } from '../review/proposal-key';
import { asRetriableWhenTransient } from './transient-database-errors';
import { LlmCallEntity } from './llm-call.entity';
import { RunEntity } from './run.entity';

/** Identifies the event being applied, so that applying it twice changes nothing. */
export interface EventDedupeKey {
  consumer: string;
  eventId: string;
}

export type SaveRunOutcome = 'saved' | 'duplicate';

/** What a run list shows per run; the full run is `getRun`. */
export interface RunSummary {
  runId: string;
  postingId: string;
  status: RunStatus;
  rejectionCode: string | null;
  title: string | null;
  roleSlug: string | null;
  decisionCase: DecisionCase | null;
  confidence: number | null;
  catalogVersion: number;
  mode: ExtractionMode;
  createdAt: string;
  completedAt: string | null;
}

export interface RunFilter {
  status?: RunStatus;
  role?: string;
  /** Case-insensitive substring of the title, posting id or role slug. */
  text?: string;
  /** Runs created at or after this instant. */
  createdFrom?: Date;
  /** Runs created strictly before this instant. */
  createdBefore?: Date;
}

export interface RunListQuery extends RunFilter {
  limit: number;
  offset: number;
}

/** A run as the API lists it: the summary plus the display name of its role, when the catalog has it. */
export interface ListedRun extends RunSummary {
  roleName: string | null;
}

/** One page of runs and how many runs match the filter in all. */
export interface RunPage {
  items: ListedRun[];
  total: number;
}

/** An LLM call of a run as stored, with the request and response when they were kept. */
export interface StoredLlmCall extends LlmCallRecord {
  id: string;
  request: unknown;
  response: unknown;
  createdAt: string;
}

/** The centroid vector model of runs that name none: the hashed TF-IDF vector of the offline matcher. */
export const LEXICAL_CENTROID_MODEL = 'hashed-tfidf';

/** The stages in the order a run passes them; LLM calls are listed in this order. */
const PIPELINE_STAGES = ['parse', 'matchRole', 'resolveSkills'];
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Run tables: one transaction per run, every child table written with one multi-row statement. */
export class RunStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Persists a finished run with everything derived from it: stage timings, skills, role signals, LLM calls,
   * review-queue proposals, observed dimension links and the chosen role's centroid (when `kraVector` is
   * given; `kraVectorModel` names the embedding model it comes from, none for the hashed TF-IDF vector). The
   * dedupe key is claimed in the same transaction, so a redelivered event is a no-op: 'duplicate'.
   */
  async saveRun(
    run: RunDocument,
    dedupe: EventDedupeKey,
    kraVector?: number[],
    llmExchanges: LlmCallExchange[] = [],
    kraVectorModel: string = LEXICAL_CENTROID_MODEL,
  ): Promise<SaveRunOutcome> {
    const doc = withoutNulCharacters(run);
    const attributes = { 'db.system': 'postgresql', 'db.operation.name': 'save run', 'jdpipe.run_id': doc.runId };
    return withSpan('db.transaction save run', attributes, () =>
      asRetriableWhenTransient(() =>
        this.dataSource.transaction(async (manager) => {
          const claimed: unknown[] = await manager.query(
            `INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
            [dedupe.consumer, dedupe.eventId],
          );
          if (claimed.length === 0) return 'duplicate';
          // The same run under another event id (an upstream retry): remember the event, keep the first write.
          if (!(await insertRun(manager, doc))) return 'duplicate';
          await insertStageResults(manager, doc);
          await insertSkills(manager, doc);
          await insertSignals(manager, doc);
          await insertLlmCalls(manager, doc, llmExchanges);
          await upsertProposals(manager, doc);
          await countDimensionLinks(manager, doc);
          if (doc.role && kraVector && kraVector.length > 0) await updateCentroid(manager, doc.role.slug, kraVector, kraVectorModel);
          return 'saved';
        }),
      ),
    );
  }

  async hasRun(runId: string): Promise<boolean> {
    if (!UUID_PATTERN.test(runId)) return false;
    return this.dataSource.getRepository(RunEntity).exists({ where: { runId } });
  }

  /** The run document exactly as it was saved, or null. */
  async getRun(runId: string): Promise<RunDocument | null> {
    if (!UUID_PATTERN.test(runId)) return null;
    const run = await this.dataSource.getRepository(RunEntity).findOne({ where: { runId }, select: { runId: true, document: true } });
    return run?.document ?? null;
  }

  /** Newest first. */
  async listRuns(query: RunListQuery): Promise<RunSummary[]> {
    const runs = await this.filtered(query)
      .orderBy('run.createdAt', 'DESC')
      .addOrderBy('run.runId', 'ASC')
      .limit(Math.max(0, Math.floor(query.limit)))
      .offset(Math.max(0, Math.floor(query.offset)))
      .getMany();
    return runs.map(toRunSummary);
  }

  async countRuns(filter: RunFilter = {}): Promise<number> {
    return this.filtered(filter).getCount();
  }

  /** A page of `listRuns` with the total count and each run's role name. */
  async listRunPage(query: RunListQuery): Promise<RunPage> {
    const [runs, total] = await Promise.all([this.listRuns(query), this.countRuns(query)]);
    const slugs = [...new Set(runs.flatMap((run) => (run.roleSlug ? [run.roleSlug] : [])))];
    const roles: Array<{ slug: string; name: string }> =
      slugs.length === 0 ? [] : await this.dataSource.query('SELECT slug, name FROM roles WHERE slug = ANY($1::text[])', [slugs]);
    const names = new Map(roles.map((role) => [role.slug, role.name]));
    return { items: runs.map((run) => ({ ...run, roleName: run.roleSlug ? (names.get(run.roleSlug) ?? null) : null })), total };
  }

  /**
   * The run's LLM calls; empty for an unknown run. A run's calls are written in one statement and share its
   * timestamp, so they are put in pipeline order (parse, matchRole, resolveSkills), then by purpose.
   */
  async listLlmCalls(runId: string): Promise<StoredLlmCall[]> {
    if (!UUID_PATTERN.test(runId)) return [];
    const rank = (stage: string) => (PIPELINE_STAGES.includes(stage) ? PIPELINE_STAGES.indexOf(stage) : PIPELINE_STAGES.length);
    const calls = (await this.dataSource.getRepository(LlmCallEntity).find({ where: { runId } })).sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() ||
        rank(a.stage) - rank(b.stage) ||
        a.purpose.localeCompare(b.purpose) ||
        a.id.localeCompare(b.id),
    );
    return calls.map((call) => ({
      id: call.id,
      stage: call.stage,
      purpose: call.purpose,
      model: call.model,
      promptVersion: call.promptVersion,
      inputTokens: call.inputTokens,
      cachedTokens: call.cachedTokens,
      outputTokens: call.outputTokens,
      costUsd: call.costUsd === null ? null : Number(call.costUsd),
      latencyMs: call.latencyMs,
      cacheHit: call.cacheHit,
      error: call.error,
      request: call.request ?? null,
      response: call.response ?? null,
      createdAt: call.createdAt.toISOString(),
    }));
  }

  private filtered(filter: RunFilter) {
    const builder = this.dataSource
      .getRepository(RunEntity)
      .createQueryBuilder('run')
      .select([
        'run.runId',
        'run.postingId',
        'run.status',
        'run.rejectionCode',
        'run.title',
        'run.roleSlug',
        'run.decisionCase',
        'run.confidence',
        'run.catalogVersion',
        'run.mode',
        'run.createdAt',
        'run.completedAt',
      ]);
    if (filter.status) builder.andWhere('run.status = :status', { status: filter.status });
    if (filter.role) builder.andWhere('run.roleSlug = :role', { role: filter.role });
    if (filter.createdFrom) builder.andWhere('run.createdAt >= :createdFrom', { createdFrom: filter.createdFrom.toISOString() });
    if (filter.createdBefore) builder.andWhere('run.createdAt < :createdBefore', { createdBefore: filter.createdBefore.toISOString() });
    if (filter.text && filter.text.trim()) {
      const pattern = `%${filter.text.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      builder.andWhere(
        "(run.title ILIKE :pattern OR run.postingId ILIKE :pattern OR run.roleSlug ILIKE :pattern OR run.document->'posting'->>'description' ILIKE :pattern)",
        {
          pattern,
        },
      );
    }
    return builder;
  }
}

function toRunSummary(run: RunEntity): RunSummary {
  return {
    runId: run.runId,
    postingId: run.postingId,
    // CHECK constraints restrict these columns to the contract's values.
    status: run.status as RunStatus,
    rejectionCode: run.rejectionCode,
    title: run.title,
    roleSlug: run.roleSlug,
    decisionCase: run.decisionCase as DecisionCase | null,
    confidence: run.confidence,
    catalogVersion: run.catalogVersion,
    mode: run.mode as ExtractionMode,
    createdAt: run.createdAt.toISOString(),
    completedAt: run.completedAt ? run.completedAt.toISOString() : null,
  };
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000, which garbled postings do contain: store it as U+FFFD
 * (the replacement character) everywhere in the document rather than lose the run.
 */
function withoutNulCharacters<T>(doc: T): T {
  return JSON.parse(JSON.stringify(doc), (_key, value: unknown) =>
    typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\ufffd') : value,
  ) as T;
}

async function insertRun(manager: EntityManager, doc: RunDocument): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO runs (run_id, posting_id, status, rejection_code, rejection_reason, catalog_version, mode, title,
                       role_slug, decision_case, confidence, trace_id, created_at, completed_at, document)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::timestamptz, $14::timestamptz, $15::jsonb)
     ON CONFLICT (run_id) DO NOTHING RETURNING run_id`,
    [
      doc.runId,
      doc.postingId,
      doc.status,
      doc.rejection?.code ?? null,
      doc.rejection?.reason ?? null,
      doc.catalogVersion,
      doc.mode,
      doc.parsed?.title ?? doc.posting.title,
      doc.role?.slug ?? null,
      doc.role?.case ?? null,
      doc.role?.confidence ?? null,
      doc.traceId,
      doc.createdAt,
      doc.completedAt,
      JSON.stringify(doc),
    ],
  );
  return inserted.length > 0;
}

/** A short account of what each stage produced; the details stay in the run document. */
function stageSummary(stage: string, doc: RunDocument): Record<string, unknown> | null {
  switch (stage) {
    case 'parse':
      return {
        rejected: doc.rejection?.code ?? null,
        title: doc.parsed?.title ?? null,
        seniority: doc.parsed?.seniority ?? null,
        sections: doc.parsed?.sections.length ?? 0,
      };
    case 'matchRole':
      return {
        role: doc.role?.slug ?? null,
        case: doc.role?.case ?? null,
        confidence: doc.role?.confidence ?? null,
        candidates: doc.signals?.candidates.length ?? 0,
        llm2Fired: doc.role?.llm2Fired ?? false,
      };
    case 'resolveSkills':
      return {
        skills: doc.skills.length,
        inCatalog: doc.skills.filter((skill) => skill.status === 'in_catalog').length,
        proposals: doc.proposals.length,
      };
    case 'persist':
      return { llmCalls: doc.llmCalls.length };
    default:
      return null;
  }
}

async function insertStageResults(manager: EntityManager, doc: RunDocument): Promise<void> {
  const stages = Object.entries(doc.timings).filter(([, duration]) => Number.isFinite(duration));
  if (stages.length === 0) return;
  await manager.query(
    `INSERT INTO run_stage_results (run_id, stage, duration_ms, payload)
     SELECT $1, u.stage, u.duration_ms, u.payload::jsonb
     FROM unnest($2::text[], $3::float8[], $4::text[]) AS u(stage, duration_ms, payload)`,
    [
      doc.runId,
      stages.map(([stage]) => stage),
      stages.map(([, duration]) => duration),
      stages.map(([stage]) => {
        const summary = stageSummary(stage, doc);
        return summary === null ? null : JSON.stringify(summary);
      }),
    ],
  );
}

async function insertSkills(manager: EntityManager, doc: RunDocument): Promise<void> {
  if (doc.skills.length === 0) return;
  const skills = doc.skills;
  await manager.query(
    `INSERT INTO run_skills (run_id, position, skill_slug, name, status, matched_via, category, nature,
                             requirement, is_primary, dimensions, evidence)
     SELECT $1, u.position, u.skill_slug, u.name, u.status, u.matched_via, u.category, u.nature,
            u.requirement, u.is_primary, u.dimensions::jsonb, u.evidence::jsonb
     FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                 $10::bool[], $11::text[], $12::text[])
       AS u(position, skill_slug, name, status, matched_via, category, nature, requirement, is_primary,
            dimensions, evidence)`,
    [
      doc.runId,
      skills.map((_, position) => position),
      skills.map((skill) => skill.slug),
      skills.map((skill) => skill.name),
      skills.map((skill) => skill.status),
      skills.map((skill) => skill.matchedVia),
      skills.map((skill) => skill.category),
      skills.map((skill) => skill.nature),
      skills.map((skill) => skill.requirement),
      skills.map((skill) => skill.primary),
      skills.map((skill) => JSON.stringify(skill.dimensions)),
      skills.map((skill) => JSON.stringify(skill.evidence)),
    ],
  );
}

async function insertSignals(manager: EntityManager, doc: RunDocument): Promise<void> {
  const seen = new Set<string>();
  const candidates: CandidateRoleSignal[] = [];
  for (const candidate of doc.signals?.candidates ?? []) {
    if (seen.has(candidate.slug)) continue;
    seen.add(candidate.slug);
    candidates.push(candidate);
  }
  if (candidates.length === 0) return;
  await manager.query(
    `INSERT INTO run_signals (run_id, role_slug, score, alias_score, kra_score, skill_score, domain_score, detail)
     SELECT $1, u.role_slug, u.score, u.alias_score, u.kra_score, u.skill_score, u.domain_score, u.detail::jsonb
     FROM unnest($2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::text[])
       AS u(role_slug, score, alias_score, kra_score, skill_score, domain_score, detail)`,
    [
      doc.runId,
      candidates.map((candidate) => candidate.slug),
      candidates.map((candidate) => candidate.score),
      candidates.map((candidate) => candidate.aliasScore),
      candidates.map((candidate) => candidate.kraScore),
      candidates.map((candidate) => candidate.skillScore),
      candidates.map((candidate) => candidate.domainScore),
      candidates.map((candidate) => JSON.stringify(candidate)),
    ],
  );
}

/**
 * One row per call. `exchanges` pairs with `doc.llmCalls` by position; a pair whose stage or purpose differ
 * (an upstream stage that sent no bodies) stores null bodies rather than another call's.
 */
async function insertLlmCalls(manager: EntityManager, doc: RunDocument, exchanges: LlmCallExchange[]): Promise<void> {
  const calls = doc.llmCalls;
  if (calls.length === 0) return;
  const bodies = calls.map((call, index) => {
    const exchange = exchanges[index];
    return exchange && exchange.stage === call.stage && exchange.purpose === call.purpose ? exchange : null;
  });
  await manager.query(
    `INSERT INTO llm_calls (run_id, stage, purpose, model, prompt_version, input_tokens, cached_tokens,
                            output_tokens, cost_usd, latency_ms, cache_hit, error, request, response)
     SELECT $1, u.stage, u.purpose, u.model, u.prompt_version, u.input_tokens, u.cached_tokens, u.output_tokens,
            u.cost_usd, u.latency_ms, u.cache_hit, u.error, u.request::jsonb, u.response::jsonb
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[],
                   $9::numeric[], $10::float8[], $11::bool[], $12::text[], $13::text[], $14::text[])
       AS u(stage, purpose, model, prompt_version, input_tokens, cached_tokens, output_tokens, cost_usd,
            latency_ms, cache_hit, error, request, response)`,
    [
      doc.runId,
      calls.map((call) => call.stage),
      calls.map((call) => call.purpose),
      calls.map((call) => call.model),
      calls.map((call) => call.promptVersion),
      calls.map((call) => call.inputTokens),
      calls.map((call) => call.cachedTokens),
      calls.map((call) => call.outputTokens),
      calls.map((call) => call.costUsd),
      calls.map((call) => call.latencyMs),
      calls.map((call) => call.cacheHit),
      calls.map((call) => call.error),
      bodies.map((body) => (body?.request ? JSON.stringify(withoutNulCharacters(body.request)) : null)),
      bodies.map((body) => (body?.response ? JSON.stringify(withoutNulCharacters(body.response)) : null)),
    ],
  );
}

interface QueuedProposal {
  proposal: Proposal;
  normalised: string;
  evidence: string | null;
}

/** Upserts one review item per distinct proposal; a recurring one bumps `occurrences` (once per run). */
async function upsertProposals(manager: EntityManager, doc: RunDocument): Promise<void> {
  const byKey = new Map<string, QueuedProposal>();
  for (const proposal of doc.proposals) {
    const normalised = normaliseProposalValue(proposal.value);
    if (!normalised) continue;
    const key = proposalKey(proposal.kind, normalised, proposal.target);
    const existing = byKey.get(key);
    if (existing) {
      // Several mentions in one run are one occurrence with all of their evidence.
      if (proposal.evidence) existing.evidence = [existing.evidence, proposal.evidence].filter(Boolean).join('\n');
      continue;
    }
    byKey.set(key, { proposal, normalised, evidence: proposal.evidence });
  }
  // Rows go in key order so concurrent transactions lock shared review items in the same order (no deadlock).
  const queued = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);
  if (queued.length === 0) return;
  const items: Array<{ id: number; kind: string; normalised_value: string; target: string | null }> = await manager.query(
    `INSERT INTO review_queue (kind, value, normalised_value, target, payload, status, occurrences, first_run_id,
                                 last_run_id)
       SELECT u.kind, u.value, u.normalised_value, u.target, u.payload::jsonb, 'pending', 1, $1, $1
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         AS u(kind, value, normalised_value, target, payload)
       ON CONFLICT (kind, normalised_value, (COALESCE(target, ''))) DO UPDATE SET
         occurrences = review_queue.occurrences + 1, last_run_id = EXCLUDED.last_run_id, updated_at = now()
       RETURNING id, kind, normalised_value, target`,
    [
      doc.runId,
      queued.map((item) => item.proposal.kind),
      queued.map((item) => item.proposal.value),
      queued.map((item) => item.normalised),
      queued.map((item) => item.proposal.target),
      queued.map((item) => JSON.stringify(proposalPayload(item.proposal, doc))),
    ],
  );
  // A run proposes, a reviewer decides: new items start pending and a decided item keeps its status.
  const evidenceByKey = new Map(
    queued.map((item) => [proposalKey(item.proposal.kind, item.normalised, item.proposal.target), item.evidence]),
  );
  await manager.query(
    `INSERT INTO review_queue_evidence (queue_id, run_id, evidence)
     SELECT u.queue_id, $1, u.evidence FROM unnest($2::int[], $3::text[]) AS u(queue_id, evidence)
     ON CONFLICT (queue_id, run_id) DO NOTHING`,
    [
      doc.runId,
      items.map((item) => item.id),
      items.map((item) => evidenceByKey.get(proposalKey(item.kind, item.normalised_value, item.target)) ?? null),
    ],
  );
}

function proposalKey(kind: string, normalisedValue: string, target: string | null): string {
  return JSON.stringify([kind, normalisedValue, target ?? '']);
}

function proposalPayload(proposal: Proposal, doc: RunDocument): Record<string, unknown> {
  const payload: Record<string, unknown> = { kind: proposal.kind, value: proposal.value, target: proposal.target };
  if (proposal.kind === 'role' && doc.role) {
    payload.role = { slug: doc.role.slug, displayName: doc.role.displayName, domain: doc.role.domain };
    payload.reasoning = doc.role.reasoning;
  }
  // The model's description of a new skill: defaults for the reviewer, never written to the catalog here.
  const normalised = normaliseProposalValue(proposal.value);
  const enrichment =
    proposal.kind === 'skill' ? doc.llmAssist?.skillEnrichments?.find((e) => normaliseProposalValue(e.skill) === normalised) : undefined;
  if (enrichment) {
    const { category, nature, volatility, lifespan, versionStrategy, confidence } = enrichment;
    payload.enrichment = { category, nature, volatility, lifespan, versionStrategy, confidence };
  }
  return payload;
}

async function countDimensionLinks(manager: EntityManager, doc: RunDocument): Promise<void> {
  const skillPairs = new Set<string>();
  const roleDimensions = new Set<string>();
  for (const skill of doc.skills) {
    for (const dimension of skill.dimensions) {
      skillPairs.add(JSON.stringify([skill.slug, dimension.slug]));
      if (dimension.underChosenRole) roleDimensions.add(dimension.slug);
    }
  }
  if (skillPairs.size > 0) {
    // Sorted for the same reason as the review items: one lock order for every transaction.
    const pairs = [...skillPairs].sort().map((pair) => JSON.parse(pair) as [string, string]);
    await manager.query(
      `INSERT INTO skill_dimension_links (skill_slug, dimension_slug, run_count)
       SELECT u.skill_slug, u.dimension_slug, 1 FROM unnest($1::text[], $2::text[]) AS u(skill_slug, dimension_slug)
       ON CONFLICT (skill_slug, dimension_slug) DO UPDATE SET
         run_count = skill_dimension_links.run_count + 1, last_seen_at = now()`,
      [pairs.map(([skill]) => skill), pairs.map(([, dimension]) => dimension)],
    );
  }
  if (doc.role && roleDimensions.size > 0) {
    await manager.query(
      `INSERT INTO role_dimension_links (role_slug, dimension_slug, run_count)
       SELECT $1, u.dimension_slug, 1 FROM unnest($2::text[]) AS u(dimension_slug)
       ON CONFLICT (role_slug, dimension_slug) DO UPDATE SET
         run_count = role_dimension_links.run_count + 1, last_seen_at = now()`,
      [doc.role.slug, [...roleDimensions].sort()],
    );
  }
}

/**
 * Folds the run's KRA vector into the role's running mean in one statement, so concurrent persisters cannot
 * lose an update. A vector of another model or length (embeddings switched on or off, the model changed)
 * restarts the mean: vectors of two models are not comparable.
 */
async function updateCentroid(manager: EntityManager, roleSlug: string, vector: number[], model: string): Promise<void> {
  if (!vector.every(Number.isFinite)) throw new Error(`KRA vector for ${roleSlug} holds a non-finite number`);
  const sameSpace = `role_centroids.vector_model = EXCLUDED.vector_model
                     AND cardinality(role_centroids.vector) = cardinality(EXCLUDED.vector)`;
  await manager.query(
    `INSERT INTO role_centroids (role_slug, n, vector, vector_model, updated_at) VALUES ($1, 1, $2::float8[], $3, now())
     ON CONFLICT (role_slug) DO UPDATE SET
       n = CASE WHEN ${sameSpace} THEN role_centroids.n + 1 ELSE 1 END,
       vector = CASE WHEN ${sameSpace}
                THEN ARRAY(SELECT u.mean + (u.sample - u.mean) / (role_centroids.n + 1)
                           FROM unnest(role_centroids.vector, EXCLUDED.vector) WITH ORDINALITY AS u(mean, sample, i)
                           ORDER BY u.i)
                ELSE EXCLUDED.vector END,
       vector_model = EXCLUDED.vector_model,
       updated_at = now()`,
    [roleSlug, vector, model],
  );
}
