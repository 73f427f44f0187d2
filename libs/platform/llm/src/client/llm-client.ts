import { type LlmCallRecord } from '@jdpipe/contracts';
import { JdpipeAttribute, withSpan } from '@jdpipe/telemetry';
import { type Span } from '@opentelemetry/api';
import OpenAI from 'openai';
import { type ChatCompletion, type ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { type CreateEmbeddingResponse, type EmbeddingCreateParams } from 'openai/resources/embeddings';

import { assertWithinBudget, InMemoryBudgetLedger, type LlmBudgetLedger, type RunSpend } from '../budget/run-budget';
import { InMemoryLlmResponseCache, llmCacheKey, type LlmResponseCache, normaliseText } from '../cache/llm-response-cache';
import { type LlmConfig } from '../config/llm.config';
import { LlmError, type LlmErrorCode } from '../errors/llm-error';
import { costOf, NO_USAGE, type TokenUsage } from '../prices/cost';
import { checkModel, type ModelCheck } from '../prices/model-check';
import { OPENAI_PRICES, type PriceTable, priceOf } from '../prices/openai-prices';
import { checkAgainstSchema, strictSchemaProblems, type StructuredOutputSchema } from '../schema/json-schema';
import { type LlmCallSink } from '../sink/llm-call-sink';
import { GenAiAttribute, LlmAttribute } from './llm-span-attributes';
import { type AttemptFailure, classifyAttemptFailure, retryDelayMs } from './retry-policy';

/** Who asks and why: every call is attributed to a run, a stage and a purpose. */
export interface CallAttribution {
  runId: string;
  /** parse | matchRole | resolveSkills | … */
  stage: string;
  /** What the call is for within the stage, e.g. `role-tie-break`. */
  purpose: string;
}

export interface CompletionRequest extends CallAttribution {
  /** Bump it whenever the instructions or the schema change: it is part of the cache key. */
  promptVersion: string;
  /** Our instructions only (see buildPostingMessages); never posting text. */
  system: string;
  /** The data, posting included. */
  user: string;
  /** The answer's shape, enforced with strict structured outputs and checked again on arrival. */
  schema: StructuredOutputSchema;
  /** Overrides JDPIPE_LLM_MAX_OUTPUT_TOKENS for this call. */
  maxOutputTokens?: number;
}

export interface CompletionResult<T> {
  value: T;
  record: LlmCallRecord;
}

export interface EmbeddingRequest extends CallAttribution {
  texts: readonly string[];
}

export interface EmbeddingResult {
  /** One vector per text, in the order of `texts`. */
  vectors: number[][];
  /** Null when there was nothing to embed. */
  record: LlmCallRecord | null;
}

export interface LlmClientOptions {
  config: LlmConfig;
  sink: LlmCallSink;
  cache?: LlmResponseCache;
  budget?: LlmBudgetLedger;
  prices?: PriceTable;
  /** A ready SDK client; by default one is built from the config with the SDK's own retries off. */
  openai?: OpenAI;
  /** Epoch milliseconds; also used to read `Retry-After` dates. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The prompt version recorded for embedding calls, which have no prompt. */
export const EMBEDDING_PROMPT_VERSION = 'embedding';

/** Where an API key is mandatory for the SDK but a local OpenAI-compatible server ignores it. */
const PLACEHOLDER_API_KEY = 'not-needed-by-local-server';
const OPENAI_BASE_URL = 'https://api.openai.com/v1';

type AttemptOutcome<R> = { ok: true; result: R; attempts: number } | { ok: false; error: LlmError; attempts: number };

/**
 * The one way jdpipe talks to a model. Each call gets a span, an explicit per-attempt timeout, bounded
 * retries with backoff honouring `Retry-After`, a budget check, a response cache, answer checks
 * (refusal, truncation, schema) and exactly one record handed to the call sink. Failures are thrown as
 * `LlmError` with a stable code so that the stage can fall back to its offline result.
 */
export class LlmClient {
  readonly config: LlmConfig;
  private readonly sink: LlmCallSink;
  private readonly cache: LlmResponseCache;
  private readonly budget: LlmBudgetLedger;
  private readonly prices: PriceTable;
  private readonly openai: OpenAI;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(options: LlmClientOptions) {
    this.config = options.config;
    this.sink = options.sink;
    this.cache = options.cache ?? new InMemoryLlmResponseCache();
    this.budget = options.budget ?? new InMemoryBudgetLedger();
    this.prices = options.prices ?? OPENAI_PRICES;
    this.openai = options.openai ?? createOpenAiSdkClient(options.config);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /** Start-up check of the chat and embedding models; log the warnings, never fail on them. */
  checkModels(today?: Date): Promise<ModelCheck[]> {
    const models = [...new Set([this.config.model, this.config.embeddingModel])];
    return Promise.all(models.map((model) => checkModel(this.openai, model, { prices: this.prices, today })));
  }

  /** A structured answer of shape `T` (described by `request.schema`), or an LlmError. */
  complete<T>(request: CompletionRequest): Promise<CompletionResult<T>> {
    const problems = strictSchemaProblems(request.schema.schema);
    if (problems.length > 0) {
      // A programming error, not a model failure: no call is made and none is recorded.
      return Promise.reject(
        new TypeError(`Schema "${request.schema.name}" is not valid for strict structured outputs: ${problems.join('; ')}`),
      );
    }
    const model = this.config.model;
    const maxOutputTokens = request.maxOutputTokens ?? this.config.maxOutputTokens;
    const body = this.chatRequestBody(request, model, maxOutputTokens);
    const attributes = {
      ...spanAttribution(request),
      [GenAiAttribute.operationName]: 'chat',
      [GenAiAttribute.providerName]: 'openai',
      [GenAiAttribute.requestModel]: model,
      [GenAiAttribute.requestMaxTokens]: maxOutputTokens,
      [LlmAttribute.promptVersion]: request.promptVersion,
    };
    return withSpan(`chat ${model}`, attributes, async (span) => {
      const startedAt = this.now();
      const call = new CallBookkeeping(request, model, request.promptVersion, body, startedAt, this.now);
      const cacheKey = llmCacheKey({
        model,
        promptVersion: request.promptVersion,
        input: { system: request.system, user: request.user, schema: request.schema },
      });

      const cached = await this.cache.get(cacheKey);
      if (cached) {
        const record = await this.finish(span, call, {
          usage: NO_USAGE,
          costUsd: 0,
          cacheHit: true,
          attempts: 0,
          responseBody: cached.responseBody,
        });
        return { value: cached.value as T, record };
      }

      const estimatedInput =
        estimateTokens(request.system) + estimateTokens(request.user) + estimateTokens(JSON.stringify(request.schema.schema));
      const reservation = await this.reserveBudget(span, call, estimatedInput, maxOutputTokens, model);

      const outcome = await this.withRetries(startedAt, (timeoutMs) =>
        this.openai.chat.completions.create(body, { timeout: timeoutMs, maxRetries: 0 }),
      );
      if (!outcome.ok) {
        this.settleBudget(request.runId, reservation, { tokens: 0, costUsd: 0 });
        return this.fail(span, call, outcome.error, { attempts: outcome.attempts });
      }

      const completion = outcome.result;
      span.setAttribute(
        GenAiAttribute.responseFinishReasons,
        completion.choices.map((choice) => choice.finish_reason ?? 'unknown'),
      );
      const usage = usageOfChat(completion);
      const costUsd = usage ? costOf(model, usage, this.prices) : null;
      // Refused, truncated and invalid answers were still generated, so they are paid for and charged.
      this.settleBudget(request.runId, reservation, {
        tokens: usage ? usage.inputTokens + usage.outputTokens : reservation.tokens,
        costUsd: costUsd ?? 0,
      });
      const accounting = { usage: usage ?? NO_USAGE, costUsd, attempts: outcome.attempts, responseBody: completion };
      const checked = checkChatAnswer(completion, request.schema);
      if (!checked.ok) return this.fail(span, call, checked.error, accounting);

      await this.cache.set(cacheKey, {
        value: checked.value,
        responseBody: completion,
        model,
        storedAt: new Date(this.now()).toISOString(),
      });
      const record = await this.finish(span, call, { ...accounting, cacheHit: false });
      return { value: checked.value as T, record };
    });
  }

  /** Embedding vectors for `texts`; each text is cached on its own, and only the missing ones are sent. */
  embed(request: EmbeddingRequest): Promise<EmbeddingResult> {
    const model = this.config.embeddingModel;
    if (request.texts.length === 0) return Promise.resolve({ vectors: [], record: null });
    const attributes = {
      ...spanAttribution(request),
      [GenAiAttribute.operationName]: 'embeddings',
      [GenAiAttribute.providerName]: 'openai',
      [GenAiAttribute.requestModel]: model,
    };
    return withSpan(`embeddings ${model}`, attributes, async (span) => {
      const startedAt = this.now();
      const keys = request.texts.map((text) => llmCacheKey({ model, promptVersion: EMBEDDING_PROMPT_VERSION, input: text }));
      const vectors: Array<number[] | undefined> = await Promise.all(
        keys.map(async (key) => {
          const cached = await this.cache.get(key);
          return Array.isArray(cached?.value) ? (cached.value as number[]) : undefined;
        }),
      );
      const missing = request.texts.map((text, index) => ({ text, index })).filter(({ index }) => vectors[index] === undefined);
      const body: EmbeddingCreateParams = { model, input: missing.map(({ text }) => normaliseText(text)), encoding_format: 'float' };
      const call = new CallBookkeeping(request, model, EMBEDDING_PROMPT_VERSION, body, startedAt, this.now);

      if (missing.length === 0) {
        const record = await this.finish(span, call, { usage: NO_USAGE, costUsd: 0, cacheHit: true, attempts: 0, responseBody: null });
        return { vectors: vectors as number[][], record };
      }

      const estimatedInput = missing.reduce((sum, { text }) => sum + estimateTokens(text), 0);
      const reservation = await this.reserveBudget(span, call, estimatedInput, 0, model);

      const outcome = await this.withRetries(startedAt, (timeoutMs) =>
        this.openai.embeddings.create(body, { timeout: timeoutMs, maxRetries: 0 }),
      );
      if (!outcome.ok) {
        this.settleBudget(request.runId, reservation, { tokens: 0, costUsd: 0 });
        return this.fail(span, call, outcome.error, { attempts: outcome.attempts });
      }

      const response = outcome.result;
      const inputTokens = response.usage?.prompt_tokens ?? response.usage?.total_tokens;
      const usage: TokenUsage = { inputTokens: inputTokens ?? 0, cachedTokens: 0, outputTokens: 0 };
      const costUsd = inputTokens === undefined ? null : costOf(model, usage, this.prices);
      this.settleBudget(request.runId, reservation, { tokens: inputTokens ?? estimatedInput, costUsd: costUsd ?? 0 });
      const accounting = { usage, costUsd, attempts: outcome.attempts, responseBody: summariseEmbeddingResponse(response) };

      const fresh = vectorsInOrder(response, missing.length);
      if (!fresh) {
        const error = new LlmError('LLM.INVALID_OUTPUT', `The embeddings response does not hold ${missing.length} numeric vectors.`);
        return this.fail(span, call, error, accounting);
      }
      const storedAt = new Date(this.now()).toISOString();
      await Promise.all(
        missing.map(({ index }, position) => {
          vectors[index] = fresh[position];
          return this.cache.set(keys[index]!, { value: fresh[position], responseBody: null, model, storedAt });
        }),
      );
      const record = await this.finish(span, call, { ...accounting, cacheHit: false });
      return { vectors: vectors as number[][], record };
    });
  }

  /** Drops a finished run's spend from the budget ledger. */
  forgetRun(runId: string): void {
    this.budget.forget(runId);
  }

  private chatRequestBody(request: CompletionRequest, model: string, maxOutputTokens: number): ChatCompletionCreateParamsNonStreaming {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model,
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: request.user },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: request.schema.name, schema: request.schema.schema as Record<string, unknown>, strict: true },
      },
      max_completion_tokens: maxOutputTokens,
    };
    if (priceOf(model, this.prices)?.reasoning) body.reasoning_effort = this.config.reasoningEffort;
    return body;
  }

  /**
   * Checks the worst case of the call against the run's budget and holds it until the call ends, so that
   * concurrent calls of one run cannot all pass the check on the same remaining budget.
   */
  private async reserveBudget(
    span: Span,
    call: CallBookkeeping,
    inputTokens: number,
    outputTokens: number,
    model: string,
  ): Promise<RunSpend> {
    const runId = call.attribution.runId;
    const estimate = {
      tokens: inputTokens + outputTokens,
      costUsd: costOf(model, { inputTokens, cachedTokens: 0, outputTokens }, this.prices),
    };
    try {
      assertWithinBudget(runId, this.budget.spentBy(runId), estimate, this.config.runBudget);
    } catch (error) {
      if (error instanceof LlmError) await this.fail(span, call, error, { attempts: 0 });
      throw error;
    }
    const reservation = { tokens: estimate.tokens, costUsd: estimate.costUsd ?? 0 };
    this.budget.charge(runId, reservation);
    return reservation;
  }

  /** Replaces the reservation with what the call actually consumed (nothing, when no answer came back). */
  private settleBudget(runId: string, reservation: RunSpend, actual: RunSpend): void {
    this.budget.charge(runId, { tokens: actual.tokens - reservation.tokens, costUsd: actual.costUsd - reservation.costUsd });
  }

  /**
   * Runs `send` until it succeeds, a failure is final, the attempts are used up, the server asks for a
   * longer wait than we accept, or the call deadline would pass. Each attempt gets its own timeout,
   * shortened so that it cannot outlive the deadline.
   */
  private async withRetries<R>(startedAt: number, send: (timeoutMs: number) => Promise<R>): Promise<AttemptOutcome<R>> {
    const maxAttempts = this.config.maxRetries + 1;
    const deadline = startedAt + this.config.callDeadlineMs;
    for (let attempt = 1; ; attempt += 1) {
      const timeoutMs = Math.min(this.config.timeoutMs, deadline - this.now());
      if (timeoutMs <= 0) {
        return {
          ok: false,
          error: new LlmError('LLM.TIMEOUT', `The call deadline of ${this.config.callDeadlineMs} ms passed.`),
          attempts: attempt - 1,
        };
      }
      try {
        return { ok: true, result: await send(timeoutMs), attempts: attempt };
      } catch (error) {
        const failure = classifyAttemptFailure(error, this.now());
        const delayMs = retryDelayMs(attempt, failure.retryAfterMs, this.random);
        const stop = this.reasonToStop(failure, delayMs, attempt, maxAttempts, deadline);
        if (stop !== null) {
          return { ok: false, error: withAttemptCount(failure.error, attempt, stop), attempts: attempt };
        }
        await this.sleep(delayMs);
      }
    }
  }

  /** Null to retry; otherwise why not ('' when the failure is final by nature). */
  private reasonToStop(failure: AttemptFailure, delay: number, attempt: number, maxAttempts: number, deadline: number): string | null {
    if (!failure.retriable) return '';
    if (attempt >= maxAttempts) return `retries exhausted (JDPIPE_LLM_MAX_RETRIES=${this.config.maxRetries})`;
    if (failure.retryAfterMs !== null && failure.retryAfterMs > this.config.maxRetryDelayMs) {
      return `the provider asked to wait ${failure.retryAfterMs} ms, more than JDPIPE_LLM_MAX_RETRY_DELAY_MS=${this.config.maxRetryDelayMs}`;
    }
    if (this.now() + delay >= deadline)
      return `a retry would pass the call deadline (JDPIPE_LLM_CALL_DEADLINE_MS=${this.config.callDeadlineMs})`;
    return null;
  }

  private async fail(span: Span, call: CallBookkeeping, error: LlmError, accounting: Partial<CallAccounting>): Promise<never> {
    error.record = await this.finish(span, call, {
      usage: accounting.usage ?? NO_USAGE,
      costUsd: accounting.costUsd ?? (accounting.usage ? null : 0),
      cacheHit: false,
      attempts: accounting.attempts ?? 0,
      responseBody: accounting.responseBody ?? null,
      error,
    });
    throw error;
  }

  private async finish(span: Span, call: CallBookkeeping, accounting: CallAccounting): Promise<LlmCallRecord> {
    const { record, entry } = call.complete(accounting);
    span.setAttributes({
      [GenAiAttribute.inputTokens]: record.inputTokens,
      [GenAiAttribute.outputTokens]: record.outputTokens,
      [LlmAttribute.cachedTokens]: record.cachedTokens,
      [LlmAttribute.cacheHit]: record.cacheHit,
      [LlmAttribute.attempts]: accounting.attempts,
    });
    if (record.costUsd !== null) span.setAttribute(LlmAttribute.costUsd, record.costUsd);
    await this.sink.record(entry);
    return record;
  }
}

interface CallAccounting {
  usage: TokenUsage;
  costUsd: number | null;
  cacheHit: boolean;
  attempts: number;
  responseBody: unknown;
  error?: LlmError;
}

/** Everything known about one call from its start, turned into its record and sink entry at the end. */
class CallBookkeeping {
  private readonly startedAtIso: string;

  constructor(
    readonly attribution: CallAttribution,
    private readonly model: string,
    private readonly promptVersion: string,
    private readonly requestBody: unknown,
    private readonly startedAt: number,
    private readonly now: () => number,
  ) {
    this.startedAtIso = new Date(startedAt).toISOString();
  }

  complete(accounting: CallAccounting) {
    const error = accounting.error ?? null;
    const record: LlmCallRecord = {
      stage: this.attribution.stage,
      purpose: this.attribution.purpose,
      model: this.model,
      promptVersion: this.promptVersion,
      inputTokens: accounting.usage.inputTokens,
      cachedTokens: accounting.usage.cachedTokens,
      outputTokens: accounting.usage.outputTokens,
      costUsd: accounting.costUsd,
      latencyMs: Math.max(0, Math.round(this.now() - this.startedAt)),
      cacheHit: accounting.cacheHit,
      error: error ? `${error.code}: ${error.message}` : null,
    };
    const entry = {
      runId: this.attribution.runId,
      record,
      errorCode: error ? error.code : null,
      attempts: accounting.attempts,
      requestBody: this.requestBody,
      responseBody: accounting.responseBody,
      startedAt: this.startedAtIso,
    };
    return { record, entry };
  }
}

/** Builds the SDK client: our retries replace the SDK's, and the timeout is set per attempt. */
export function createOpenAiSdkClient(config: LlmConfig): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey ?? PLACEHOLDER_API_KEY,
    baseURL: config.baseUrl ?? OPENAI_BASE_URL,
    maxRetries: 0,
    timeout: config.timeoutMs,
  });
}

type CheckedAnswer = { ok: true; value: unknown } | { ok: false; error: LlmError };

/** Refusal, filtering, truncation, JSON and schema checks, in that order: the first that fails wins. */
function checkChatAnswer(completion: ChatCompletion, schema: StructuredOutputSchema): CheckedAnswer {
  const choice = completion.choices[0];
  if (!choice) return invalid('LLM.INVALID_OUTPUT', 'The response has no choices.');
  if (choice.message.refusal) return invalid('LLM.REFUSED', `The model refused: ${choice.message.refusal}`);
  if (choice.finish_reason === 'content_filter') return invalid('LLM.REFUSED', 'The answer was withheld by the content filter.');
  if (choice.finish_reason === 'length') {
    return invalid(
      'LLM.TRUNCATED',
      `The answer was cut off at the output token limit (finish_reason=length, ${completion.usage?.completion_tokens ?? '?'} tokens).`,
    );
  }
  const content = choice.message.content;
  if (typeof content !== 'string' || content.trim() === '') return invalid('LLM.INVALID_OUTPUT', 'The answer is empty.');
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return invalid('LLM.INVALID_OUTPUT', `The answer is not JSON: ${content.slice(0, 120)}`);
  }
  const violations = checkAgainstSchema(value, schema.schema, 5);
  if (violations.length > 0) {
    const listed = violations.map((violation) => `${violation.path} ${violation.message}`).join('; ');
    return invalid('LLM.INVALID_OUTPUT', `The answer does not satisfy schema "${schema.name}": ${listed}`);
  }
  return { ok: true, value };
}

function invalid(code: LlmErrorCode, message: string): CheckedAnswer {
  return { ok: false, error: new LlmError(code, message) };
}

function usageOfChat(completion: ChatCompletion): TokenUsage | null {
  const usage = completion.usage;
  if (!usage) return null;
  return {
    inputTokens: usage.prompt_tokens,
    cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    outputTokens: usage.completion_tokens,
  };
}

function vectorsInOrder(response: CreateEmbeddingResponse, expected: number): number[][] | null {
  const data = Array.isArray(response.data) ? response.data : [];
  if (data.length !== expected) return null;
  const ordered = [...data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
  const wellFormed = ordered.every(
    (vector) => Array.isArray(vector) && vector.length > 0 && vector.every((x) => typeof x === 'number' && Number.isFinite(x)),
  );
  return wellFormed ? ordered : null;
}

/** Vectors are stored in the cache, not in the audit row: the row keeps their count and size. */
function summariseEmbeddingResponse(response: CreateEmbeddingResponse): unknown {
  const data = Array.isArray(response.data) ? response.data : [];
  return { model: response.model, usage: response.usage, vectors: data.length, dimensions: data[0]?.embedding?.length ?? 0 };
}

/** Rough upper-side guess (4 characters a token, plus message overhead) for the budget check only. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4) + 8;
}

function spanAttribution(attribution: CallAttribution) {
  return {
    [JdpipeAttribute.runId]: attribution.runId,
    [JdpipeAttribute.stage]: attribution.stage,
    [LlmAttribute.purpose]: attribution.purpose,
  };
}

function withAttemptCount(error: LlmError, attempts: number, reason: string): LlmError {
  if (attempts <= 1 && reason === '') return error;
  const detail = reason === '' ? `after ${attempts} attempts` : `after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${reason}`;
  return new LlmError(error.code, `${error.message} (${detail})`, { cause: error.cause, status: error.status, retriable: error.retriable });
}
