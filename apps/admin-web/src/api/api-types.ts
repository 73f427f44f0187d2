/**
 * The answers of the v1 JSON API as the admin reads them. The browser app is a client of the HTTP contract,
 * not of the server's modules, so it keeps its own view; a spec checks that the server's RunDocument still
 * fits it, so the two cannot drift apart silently.
 */

export type RunStatus = 'completed' | 'rejected' | 'failed';
export type DecisionCase = 'ALIAS' | 'KRA' | 'SKILL' | 'DOMAIN' | 'NEW';
export const PROPOSAL_KINDS = ['skill', 'alias', 'kra', 'role'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export interface SalaryView {
  currency: string;
  min: number | null;
  max: number | null;
  period: string;
  raw: string;
}

export interface ExperienceView {
  min: number | null;
  max: number | null;
  raw: string;
}

export interface SectionView {
  heading: string | null;
  kind: string;
  start: number;
  end: number;
}

export interface ParsedView {
  title: string | null;
  seniority: string | null;
  roleAliases: string[];
  ctc: SalaryView | null;
  experience: ExperienceView | null;
  education: Array<{ level: string; field: string | null; requirement: string; raw: string }>;
  certifications: Array<{ name: string; requirement: string }>;
  sections: SectionView[];
  location: string | null;
  workMode: string | null;
  employmentType: string | null;
  companyName: string | null;
}

export interface EvidenceView {
  start: number;
  end: number;
  text: string;
  section: string | null;
}

export interface RunSkillView {
  name: string;
  slug: string;
  status: 'in_catalog' | 'proposed';
  matchedVia: string;
  category: string | null;
  nature: string | null;
  primary: boolean;
  requirement: string;
  dimensions: Array<{ slug: string; displayName: string; underChosenRole: boolean }>;
  evidence: EvidenceView[];
}

export interface KraMatchView {
  sentence: string;
  kraText: string;
  similarity: number;
  /** Set when embeddings ran for the role; absent means lexical. */
  via?: 'lexical' | 'embedding';
}

export interface CandidateSignalView {
  slug: string;
  displayName: string;
  domain: string;
  score: number;
  aliasScore: number;
  kraScore: number;
  skillScore: number;
  domainScore: number;
  kraMatches: KraMatchView[];
  skillOverlap: { matched: string[]; coreCount: number };
  kraSimilarity?: 'lexical' | 'embedding-blend';
}

export interface LlmCallView {
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

export interface RunView {
  runId: string;
  postingId: string;
  status: RunStatus;
  rejection: { code: string; reason: string } | null;
  catalogVersion: number;
  mode: string;
  posting: { title: string | null; description: string; location: string | null; company: string | null; source: string | null };
  parsed: ParsedView | null;
  role: {
    slug: string;
    displayName: string;
    domain: string | null;
    case: DecisionCase;
    confidence: number;
    reasoning: string;
    isNew: boolean;
    llm2Fired: boolean;
  } | null;
  runnersUp: Array<{ slug: string; displayName: string; score: number }>;
  signals: {
    normalisedTitle: string | null;
    aliasHits: Array<{ roleSlug: string; alias: string; matchedTitle: string }>;
    candidates: CandidateSignalView[];
    domainScores: Array<{ domain: string; score: number; keywords: string[] }>;
    kraEmbeddingModel?: string;
  } | null;
  skills: RunSkillView[];
  proposals: Array<{ kind: ProposalKind; value: string; status: string; target: string | null; evidence: string | null }>;
  llmCalls: LlmCallView[];
  llmAssist?: {
    fieldsFromLlm: string[];
    skillsFromLlm: string[];
    ungroundedSkillsDropped: number;
    rejected: string[];
    fallbacks: string[];
  };
  timings: Record<string, number>;
  traceId: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface RunSummaryView {
  runId: string;
  postingId: string;
  status: RunStatus;
  rejectionCode: string | null;
  title: string | null;
  roleSlug: string | null;
  roleName?: string | null;
  decisionCase: DecisionCase | null;
  confidence: number | null;
  catalogVersion: number;
  mode: string;
  createdAt: string;
  completedAt: string | null;
}

export interface RunPage {
  items: RunSummaryView[];
  total: number;
  limit: number;
  offset: number;
}

export interface ReviewItemView {
  id: number;
  kind: ProposalKind;
  value: string;
  target: string | null;
  status: string;
  occurrences: number;
  firstRunId: string | null;
  lastRunId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  lastSeenAt: string;
  evidence: Array<{ runId: string; evidence: string | null; seenAt: string }>;
  suggestion: SuggestionView;
  suggestionText: string;
}

/** What the review service thinks a reviewer most likely wants to do with an item. */
export type SuggestionView =
  | { type: 'new_skill' | 'new_role' }
  | { type: 'alias_of' | 'add_alias'; skillSlug: string }
  | { type: 'merge_into_item'; itemId: number }
  | { type: 'add_kra'; roleSlug: string };

export interface ReviewActionOutcomeView {
  action: { id: number; action: string; actor: string; createdAt: string };
  item: { id: number; value: string; status: string };
  catalogVersion: number | null;
}

/** A catalog entry as listed: the fields differ per kind, the list shows what is there. */
export interface CatalogEntryView {
  slug: string;
  name?: string;
  displayName?: string;
  category?: string | null;
  domain?: string | null;
  [field: string]: unknown;
}

export interface CatalogListView {
  items: CatalogEntryView[];
  total: number;
  catalogVersion?: number;
}

export interface StatsView {
  catalogVersion: number;
  runsPerDay: Array<{ day: string; completed: number; rejected: number; failed: number }>;
  roleDistribution: Array<{ roleSlug: string; roleName: string; runs: number }>;
  topSkills: Array<{ skillSlug: string; name: string; runs: number }>;
  proposalsPending: { total: number; byKind: Record<ProposalKind, number> };
  failures: { total: number; byCode: Array<{ code: string; count: number }> };
  /** Kafka deployment only (absent in the embedded mode); null when the broker could not be asked. */
  deadLetters?: { total: number; byTopic: Array<{ topic: string; count: number }> } | null;
}

export interface PrincipalView {
  name: string;
  role: string;
}
