import type { ParsedJd, Requirement, SectionKind } from '@jdpipe/jd-parsing';

/**
 * The run document: everything one posting's run produced, in the shape the CLI prints with --json, the
 * persister stores and the API returns. Stable contract: within v1 fields are only ever added.
 */
export interface RunDocument {
  runId: string;
  postingId: string;
  status: RunStatus;
  rejection: RunRejection | null;
  /** Catalog version the run matched against. */
  catalogVersion: number;
  /** offline | llm | hybrid: which extraction path ran. */
  mode: ExtractionMode;
  posting: PostingSnapshot;
  parsed: ParsedFields | null;
  role: RoleChoice | null;
  runnersUp: RunnerUpRole[];
  signals: RoleSignals | null;
  skills: RunSkill[];
  proposals: Proposal[];
  llmCalls: LlmCallRecord[];
  /** What the model changed, and what the merge rules refused; absent when no model was asked. */
  llmAssist?: LlmAssistSummary;
  /** Milliseconds spent per stage: parse, matchRole, resolveSkills, persist. */
  timings: Record<string, number>;
  traceId: string | null;
  createdAt: string;
  completedAt: string | null;
  /** The run this one re-did after a catalog change; absent for a first run. */
  rerunOf?: string;
}

export type RunStatus = 'completed' | 'rejected' | 'failed';
export type ExtractionMode = 'offline' | 'llm' | 'hybrid';

export interface RunRejection {
  /** Stable error code, e.g. PARSE.NOT_A_JD. */
  code: string;
  reason: string;
}

export interface PostingSnapshot {
  title: string | null;
  description: string;
  location: string | null;
  company: string | null;
  source: string | null;
}

/** The parser's fields as the run keeps them; sentences are working data of the stages, not part of the run. */
export type ParsedFields = Omit<ParsedJd, 'sentences'>;

export type DecisionCase = 'ALIAS' | 'KRA' | 'SKILL' | 'DOMAIN' | 'NEW';

export interface RoleChoice {
  slug: string;
  displayName: string;
  domain: string | null;
  case: DecisionCase;
  /** Calibrated 0..1. */
  confidence: number;
  reasoning: string;
  isNew: boolean;
  llm2Fired: boolean;
}

export interface RunnerUpRole {
  slug: string;
  displayName: string;
  score: number;
}

/** Evidence per candidate role: why it scored what it scored. */
export interface RoleSignals {
  normalisedTitle: string | null;
  aliasHits: AliasHit[];
  candidates: CandidateRoleSignal[];
  domainScores: Array<{ domain: string; score: number; keywords: string[] }>;
  /** The embedding model that re-scored the leading candidates' KRAs; absent when only lexical similarity ran. */
  kraEmbeddingModel?: string;
}

export interface AliasHit {
  roleSlug: string;
  alias: string;
  /** Which title matched: the posting title or one of the role aliases it named. */
  matchedTitle: string;
}

export interface CandidateRoleSignal {
  slug: string;
  displayName: string;
  domain: string;
  score: number;
  aliasScore: number;
  kraScore: number;
  skillScore: number;
  domainScore: number;
  kraMatches: KraMatch[];
  skillOverlap: { matched: string[]; coreCount: number };
  /**
   * How `kraScore` was computed: `lexical` (TF-IDF cosine) or `embedding-blend` (per sentence the higher of the
   * lexical and the rescaled embedding similarity). Absent when embeddings were off for the run: lexical.
   */
  kraSimilarity?: 'lexical' | 'embedding-blend';
}

export interface KraMatch {
  sentence: string;
  kraText: string;
  similarity: number;
  /** Which similarity found this match, set when embeddings ran for the role; absent means lexical. */
  via?: 'lexical' | 'embedding';
}

export interface SkillEvidence {
  start: number;
  end: number;
  text: string;
  section: SectionKind | null;
}

export interface SkillDimensionLink {
  slug: string;
  displayName: string;
  /** False when the dimension is not one of the chosen role's: shown, never forced. */
  underChosenRole: boolean;
}

export interface RunSkill {
  name: string;
  slug: string;
  status: 'in_catalog' | 'proposed';
  /** canonical | alias | abbreviation | phrase | llm */
  matchedVia: string;
  category: string | null;
  nature: string | null;
  primary: boolean;
  requirement: Requirement;
  dimensions: SkillDimensionLink[];
  evidence: SkillEvidence[];
}

/** What a run can propose for review; the CLI, the API and the dashboard offer exactly these. */
export const PROPOSAL_KINDS = ['skill', 'alias', 'kra', 'role'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export interface Proposal {
  kind: ProposalKind;
  value: string;
  status: 'pending' | 'approved' | 'rejected';
  /** What the proposal attaches to, e.g. the role slug of a KRA or the skill slug of an alias. */
  target: string | null;
  evidence: string | null;
}

export interface LlmCallRecord {
  stage: string;
  purpose: string;
  model: string;
  promptVersion: string;
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  costUsd: number | null;
  latencyMs: number;
  cacheHit: boolean;
  error: string | null;
}

/**
 * The audited bodies of one model call, carried beside `llmCalls` (same order) to the `llm_calls` table and
 * never into the run document: bounded in size, without credentials.
 */
export interface LlmCallExchange {
  stage: string;
  purpose: string;
  /** Model, schema name and messages (posting included), each message clipped; null when nothing was sent. */
  request: Record<string, unknown> | null;
  /** The raw answer (content, refusal, finish reason, usage), clipped; null when nothing came back. */
  response: Record<string, unknown> | null;
}

/** The effect of the optional model on one run, next to the calls themselves. */
export interface LlmAssistSummary {
  /** Parsed fields whose value came from the model, e.g. `ctc`, `workMode`. */
  fieldsFromLlm: string[];
  /** Slugs of skills the model found that the dictionary missed (catalog skills or proposals). */
  skillsFromLlm: string[];
  /** Skills the model proposed whose evidence is not in the posting: dropped. */
  ungroundedSkillsDropped: number;
  /** Model answers the merge rules refused, each with its reason. */
  rejected: string[];
  /** Stages that kept their offline result because the call failed, e.g. `parse: LLM.TIMEOUT`. */
  fallbacks: string[];
  /** The model's suggestions for the skills this run proposes; reviewers see them, the catalog never takes them as is. */
  skillEnrichments?: SkillEnrichment[];
  /** Enrichments dropped for a value outside the catalog's categories or the allowed natures, volatilities … */
  enrichmentsDropped?: number;
}

/** What the model suggests for a new skill: defaults for the reviewer who approves it, never written to the catalog. */
export interface SkillEnrichment {
  /** The skill as proposed (the posting's words). */
  skill: string;
  /** One of the catalog's skill categories. */
  category: string;
  nature: string;
  volatility: string;
  lifespan: string;
  versionStrategy: string;
  /** 0..1, the model's own. */
  confidence: number;
}
