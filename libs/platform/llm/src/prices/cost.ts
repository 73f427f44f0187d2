import { OPENAI_PRICES, type PriceTable, priceOf } from './openai-prices';

/** Tokens one call consumed, as the provider reports them. */
export interface TokenUsage {
  /** All prompt tokens, cached ones included (OpenAI's `prompt_tokens`). */
  inputTokens: number;
  /** The part of `inputTokens` served from the prompt cache (`prompt_tokens_details.cached_tokens`). */
  cachedTokens: number;
  /** Completion tokens, reasoning tokens included. */
  outputTokens: number;
}

export const NO_USAGE: TokenUsage = { inputTokens: 0, cachedTokens: 0, outputTokens: 0 };

const TOKENS_PER_PRICE_UNIT = 1_000_000;

/**
 * Cost in USD of one call; null when the model is not in the price table, so that an unknown cost is
 * never reported as free. Cached input is billed at its own rate (or the full rate where there is none).
 */
export function costOf(model: string, usage: TokenUsage, table: PriceTable = OPENAI_PRICES): number | null {
  const price = priceOf(model, table);
  if (!price) return null;
  const cachedTokens = Math.min(Math.max(usage.cachedTokens, 0), usage.inputTokens);
  const uncachedTokens = usage.inputTokens - cachedTokens;
  const cachedRate = price.cachedInputPerMillion ?? price.inputPerMillion;
  const costTimesMillion = uncachedTokens * price.inputPerMillion + cachedTokens * cachedRate + usage.outputTokens * price.outputPerMillion;
  return roundUsd(costTimesMillion / TOKENS_PER_PRICE_UNIT);
}

/** Float sums of small prices drift (0.1 + 0.2); twelve decimals is far below a billable amount. */
export function roundUsd(amount: number): number {
  return Math.round(amount * 1e12) / 1e12;
}
