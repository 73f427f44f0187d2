import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { costOf } from './cost';
import { DEFAULT_CHAT_MODEL, DEFAULT_EMBEDDING_MODEL, modelFamily, OPENAI_PRICES, priceOf, shutdownOf } from './openai-prices';

describe('the price table', () => {
  it('is dated, names its source, and prices the default models', () => {
    assert.match(OPENAI_PRICES.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(OPENAI_PRICES.source, /openai\.com/);
    assert.equal(priceOf(DEFAULT_CHAT_MODEL)?.kind, 'chat');
    assert.equal(priceOf(DEFAULT_EMBEDDING_MODEL)?.kind, 'embedding');
    assert.equal(shutdownOf(DEFAULT_CHAT_MODEL), null, 'the default model has no announced shutdown');
  });

  it('lists gpt-4.1-nano as shut down on 2026-10-23, dated snapshots included', () => {
    assert.equal(shutdownOf('gpt-4.1-nano')?.shutdownDate, '2026-10-23');
    assert.equal(shutdownOf('gpt-4.1-nano-2025-04-14')?.shutdownDate, '2026-10-23');
    assert.equal(modelFamily('GPT-4.1-Nano-2025-04-14'), 'gpt-4.1-nano');
  });

  it('has sane prices: cached input no dearer than input, embeddings bill no output', () => {
    for (const [model, price] of Object.entries(OPENAI_PRICES.models)) {
      assert.ok(price.inputPerMillion > 0, model);
      if (price.cachedInputPerMillion !== null) assert.ok(price.cachedInputPerMillion <= price.inputPerMillion, model);
      if (price.kind === 'embedding') assert.equal(price.outputPerMillion, 0, model);
    }
  });
});

describe('costOf', () => {
  it('bills uncached input, cached input and output at their own rates', () => {
    // gpt-5.4-mini: $0.75 in, $0.075 cached, $4.50 out per 1M tokens.
    const cost = costOf('gpt-5.4-mini', { inputTokens: 10_000, cachedTokens: 4_000, outputTokens: 1_000 });

    assert.equal(cost, (6_000 * 0.75 + 4_000 * 0.075 + 1_000 * 4.5) / 1_000_000);
  });

  it('prices a dated snapshot like its family', () => {
    const usage = { inputTokens: 1234, cachedTokens: 0, outputTokens: 56 };

    assert.equal(costOf('gpt-4o-mini-2024-07-18', usage), costOf('gpt-4o-mini', usage));
  });

  it('bills embeddings on input only', () => {
    assert.equal(costOf('text-embedding-3-small', { inputTokens: 1_000_000, cachedTokens: 0, outputTokens: 0 }), 0.02);
  });

  it('never reports more cached tokens than input tokens', () => {
    const cost = costOf('gpt-6-luna', { inputTokens: 100, cachedTokens: 500, outputTokens: 0 });

    assert.equal(cost, (100 * 0.01) / 1_000_000);
  });

  it('returns null, not zero, for a model the table does not know', () => {
    assert.equal(costOf('llama3.1:8b', { inputTokens: 100, cachedTokens: 0, outputTokens: 100 }), null);
  });
});
