/**
 * OpenTelemetry GenAI semantic-convention keys. Upstream still ships them as incubating (they have been
 * renamed before), so the names we rely on are pinned here rather than imported.
 */
export const GenAiAttribute = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  responseFinishReasons: 'gen_ai.response.finish_reasons',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
} as const;

/** jdpipe's own attributes of an LLM call span, beside the run id and stage shared with other spans. */
export const LlmAttribute = {
  purpose: 'jdpipe.llm.purpose',
  promptVersion: 'jdpipe.llm.prompt_version',
  cachedTokens: 'jdpipe.llm.cached_tokens',
  cacheHit: 'jdpipe.llm.cache_hit',
  costUsd: 'jdpipe.llm.cost_usd',
  attempts: 'jdpipe.llm.attempts',
} as const;
