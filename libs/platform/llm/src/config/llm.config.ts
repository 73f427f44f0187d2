import { type ExtractionMode, PipelineError } from '@jdpipe/contracts';

import { DEFAULT_CHAT_MODEL, DEFAULT_EMBEDDING_MODEL } from '../prices/openai-prices';

export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high';

/** Limits one run's model calls may not cross; a call that would cross them is not made. */
export interface RunBudget {
  maxTokens: number;
  maxCostUsd: number;
}

export interface LlmConfig {
  mode: ExtractionMode;
  apiKey: string | null;
  /** Any OpenAI-compatible server (Azure v1, vLLM, Ollama, LM Studio); null = OpenAI itself. */
  baseUrl: string | null;
  model: string;
  embeddingModel: string;
  /**
   * KRA similarity and role centroids from `/v1/embeddings` (JDPIPE_LLM_EMBEDDINGS=on); off keeps the lexical
   * similarity alone, so turning on a chat model never changes the role ranking by itself.
   */
  embeddings: boolean;
  /** Per attempt. */
  timeoutMs: number;
  /** Wall-clock limit for one call, retries and waits included: a stage must keep its broker session alive. */
  callDeadlineMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** A `Retry-After` longer than this is not waited for: the call fails as rate limited instead. */
  maxRetryDelayMs: number;
  maxOutputTokens: number;
  /** Sent only to models the price table knows to be reasoning models. */
  reasoningEffort: ReasoningEffort;
  runBudget: RunBudget;
}

const MODES: readonly ExtractionMode[] = ['offline', 'llm', 'hybrid'];
const SWITCH: readonly string[] = ['on', 'off'];
const REASONING_EFFORTS: readonly ReasoningEffort[] = ['none', 'minimal', 'low', 'medium', 'high'];

/** The default Kafka session timeout is 45 s; one call, retries included, must end well before it. */
export const LLM_CONFIG_DEFAULTS = {
  timeoutMs: 20_000,
  callDeadlineMs: 30_000,
  maxRetries: 2,
  maxRetryDelayMs: 10_000,
  maxOutputTokens: 2_000,
  reasoningEffort: 'low',
  runBudget: { maxTokens: 60_000, maxCostUsd: 0.05 },
} as const;

/**
 * Reads the LLM settings from the environment. Every problem is reported at once, each naming its
 * variable, so a misconfigured deployment fails at start-up rather than on the first posting.
 */
export function loadLlmConfig(env: NodeJS.ProcessEnv = process.env): LlmConfig {
  const problems: string[] = [];
  const mode = oneOf(env, 'JDPIPE_LLM_MODE', MODES, 'offline', problems);
  const apiKey = text(env, 'OPENAI_API_KEY');
  const baseUrl = httpUrl(env, 'OPENAI_BASE_URL', problems);
  if (mode !== 'offline' && !apiKey && !baseUrl && !problems.some((p) => p.startsWith('OPENAI_BASE_URL'))) {
    problems.push(
      `JDPIPE_LLM_MODE=${mode} needs OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (an OpenAI-compatible server); ` +
        'set one of them, or JDPIPE_LLM_MODE=offline',
    );
  }
  const embeddings = oneOf(env, 'JDPIPE_LLM_EMBEDDINGS', SWITCH, 'off', problems) === 'on';
  if (embeddings && mode === 'offline') {
    problems.push('JDPIPE_LLM_EMBEDDINGS=on needs JDPIPE_LLM_MODE=llm or hybrid (offline makes no model calls)');
  }
  const timeoutMs = wholeNumber(env, 'JDPIPE_LLM_TIMEOUT_MS', LLM_CONFIG_DEFAULTS.timeoutMs, 100, 120_000, problems);
  const callDeadlineMs = wholeNumber(env, 'JDPIPE_LLM_CALL_DEADLINE_MS', LLM_CONFIG_DEFAULTS.callDeadlineMs, 100, 600_000, problems);
  if (timeoutMs > callDeadlineMs) {
    problems.push(`JDPIPE_LLM_TIMEOUT_MS (${timeoutMs}) must not exceed JDPIPE_LLM_CALL_DEADLINE_MS (${callDeadlineMs})`);
  }
  const config: LlmConfig = {
    mode,
    apiKey,
    baseUrl,
    model: text(env, 'JDPIPE_LLM_MODEL') ?? DEFAULT_CHAT_MODEL,
    embeddingModel: text(env, 'JDPIPE_LLM_EMBEDDING_MODEL') ?? DEFAULT_EMBEDDING_MODEL,
    embeddings,
    timeoutMs,
    callDeadlineMs,
    maxRetries: wholeNumber(env, 'JDPIPE_LLM_MAX_RETRIES', LLM_CONFIG_DEFAULTS.maxRetries, 0, 10, problems),
    maxRetryDelayMs: wholeNumber(env, 'JDPIPE_LLM_MAX_RETRY_DELAY_MS', LLM_CONFIG_DEFAULTS.maxRetryDelayMs, 0, 600_000, problems),
    maxOutputTokens: wholeNumber(env, 'JDPIPE_LLM_MAX_OUTPUT_TOKENS', LLM_CONFIG_DEFAULTS.maxOutputTokens, 16, 128_000, problems),
    reasoningEffort: oneOf(env, 'JDPIPE_LLM_REASONING_EFFORT', REASONING_EFFORTS, LLM_CONFIG_DEFAULTS.reasoningEffort, problems),
    runBudget: {
      maxTokens: wholeNumber(env, 'JDPIPE_LLM_RUN_BUDGET_TOKENS', LLM_CONFIG_DEFAULTS.runBudget.maxTokens, 1, 100_000_000, problems),
      maxCostUsd: positiveAmount(env, 'JDPIPE_LLM_RUN_BUDGET_USD', LLM_CONFIG_DEFAULTS.runBudget.maxCostUsd, problems),
    },
  };
  if (problems.length > 0) {
    throw new PipelineError('INPUT.INVALID', `Invalid LLM configuration: ${problems.join('; ')}`);
  }
  return config;
}

function text(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const raw = text(env, name);
  if (raw === null) return fallback;
  const value = raw.toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return fallback;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function positiveAmount(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    problems.push(`${name} must be a positive amount in USD, got "${raw}"`);
    return fallback;
  }
  return value;
}

function httpUrl(env: NodeJS.ProcessEnv, name: string, problems: string[]): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return raw.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  problems.push(`${name} must be an http(s) URL such as http://localhost:11434/v1, got "${raw}"`);
  return null;
}
