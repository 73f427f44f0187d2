export { type LlmConfig, LLM_CONFIG_DEFAULTS, loadLlmConfig, type ReasoningEffort, type RunBudget } from './config/llm.config';
export { isLlmError, LlmError, type LlmErrorCode } from './errors/llm-error';
export {
  DEFAULT_CHAT_MODEL,
  DEFAULT_EMBEDDING_MODEL,
  type ModelPrice,
  type ModelShutdown,
  modelFamily,
  OPENAI_PRICES,
  type PriceTable,
  priceOf,
  shutdownOf,
} from './prices/openai-prices';
export { costOf, NO_USAGE, roundUsd, type TokenUsage } from './prices/cost';
export { checkModel, type ModelCatalogClient, type ModelCheck } from './prices/model-check';
export {
  checkAgainstSchema,
  type JsonSchema,
  type JsonSchemaType,
  type SchemaViolation,
  strictSchemaProblems,
  type StructuredOutputSchema,
} from './schema/json-schema';
export { buildPostingMessages, type ChatMessages, type PostingTask } from './messages/posting-messages';
export {
  type CachedLlmResponse,
  type CacheKeyParts,
  InMemoryLlmResponseCache,
  llmCacheKey,
  type LlmResponseCache,
  normaliseText,
} from './cache/llm-response-cache';
export { InMemoryLlmCallSink, type LlmCallEntry, type LlmCallSink } from './sink/llm-call-sink';
export { auditExchange, EXCHANGE_LIMITS } from './audit/llm-call-audit';
export { assertWithinBudget, InMemoryBudgetLedger, type LlmBudgetLedger, type RunSpend } from './budget/run-budget';
export { classifyAttemptFailure, retryAfterFrom, retryDelayMs, type AttemptFailure } from './client/retry-policy';
export { GenAiAttribute, LlmAttribute } from './client/llm-span-attributes';
export {
  type CallAttribution,
  type CompletionRequest,
  type CompletionResult,
  createOpenAiSdkClient,
  EMBEDDING_PROMPT_VERSION,
  type EmbeddingRequest,
  type EmbeddingResult,
  LlmClient,
  type LlmClientOptions,
} from './client/llm-client';
