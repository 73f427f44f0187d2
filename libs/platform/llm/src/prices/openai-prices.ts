/**
 * What OpenAI charges per model, in USD per 1M tokens, standard (non-batch, short-context) tier.
 *
 * Prices change: keep `asOf` honest and update the table with the source below rather than trusting it
 * forever. A model missing here is still usable; its calls are recorded with cost `null` and the
 * start-up check warns about it.
 */
export interface ModelPrice {
  kind: 'chat' | 'embedding';
  /** Uncached input tokens. */
  inputPerMillion: number;
  /** Input tokens served from the provider's prompt cache; null where the provider has no such rate. */
  cachedInputPerMillion: number | null;
  /** Output tokens, reasoning tokens included (they bill as output). */
  outputPerMillion: number;
  /** Accepts `reasoning_effort`; sending it to a model that does not can make the request fail. */
  reasoning: boolean;
}

export interface ModelShutdown {
  model: string;
  /** YYYY-MM-DD, as the provider announces it. */
  shutdownDate: string;
  replacement: string | null;
}

export interface PriceTable {
  /** The day the table was checked against its source. */
  asOf: string;
  source: string;
  models: Readonly<Record<string, ModelPrice>>;
  shutdowns: readonly ModelShutdown[];
}

export const OPENAI_PRICES: PriceTable = {
  asOf: '2026-11-25',
  source:
    'https://developers.openai.com/api/docs/pricing and the model pages under /api/docs/models; ' +
    'shutdown dates from https://developers.openai.com/api/docs/deprecations',
  models: {
    // Current small models.
    'gpt-6-luna': { kind: 'chat', inputPerMillion: 0.1, cachedInputPerMillion: 0.01, outputPerMillion: 0.5, reasoning: true },
    'gpt-5.6-luna': { kind: 'chat', inputPerMillion: 0.2, cachedInputPerMillion: 0.02, outputPerMillion: 1.2, reasoning: true },
    'gpt-5.4-nano': { kind: 'chat', inputPerMillion: 0.2, cachedInputPerMillion: 0.02, outputPerMillion: 1.25, reasoning: true },
    'gpt-5.4-mini': { kind: 'chat', inputPerMillion: 0.75, cachedInputPerMillion: 0.075, outputPerMillion: 4.5, reasoning: true },
    // Older small models, kept so that the cost of calls made with them is still known.
    'gpt-5-nano': { kind: 'chat', inputPerMillion: 0.05, cachedInputPerMillion: 0.005, outputPerMillion: 0.4, reasoning: true },
    'gpt-5-mini': { kind: 'chat', inputPerMillion: 0.25, cachedInputPerMillion: 0.025, outputPerMillion: 2.0, reasoning: true },
    'gpt-4.1-mini': { kind: 'chat', inputPerMillion: 0.4, cachedInputPerMillion: 0.1, outputPerMillion: 1.6, reasoning: false },
    'gpt-4.1-nano': { kind: 'chat', inputPerMillion: 0.1, cachedInputPerMillion: 0.025, outputPerMillion: 0.4, reasoning: false },
    'gpt-4o-mini': { kind: 'chat', inputPerMillion: 0.15, cachedInputPerMillion: 0.075, outputPerMillion: 0.6, reasoning: false },
    // Embeddings bill input only.
    'text-embedding-3-small': {
      kind: 'embedding',
      inputPerMillion: 0.02,
      cachedInputPerMillion: null,
      outputPerMillion: 0,
      reasoning: false,
    },
    'text-embedding-3-large': {
      kind: 'embedding',
      inputPerMillion: 0.13,
      cachedInputPerMillion: null,
      outputPerMillion: 0,
      reasoning: false,
    },
    'text-embedding-ada-002': {
      kind: 'embedding',
      inputPerMillion: 0.1,
      cachedInputPerMillion: null,
      outputPerMillion: 0,
      reasoning: false,
    },
  },
  shutdowns: [
    { model: 'gpt-4.1-nano', shutdownDate: '2026-10-23', replacement: 'gpt-5.6-luna' },
    { model: 'gpt-5-nano', shutdownDate: '2026-12-11', replacement: 'gpt-6-luna' },
    { model: 'gpt-5-mini', shutdownDate: '2026-12-11', replacement: 'gpt-6-luna' },
    { model: 'gpt-4o-mini', shutdownDate: '2027-01-14', replacement: 'gpt-6-luna' },
    { model: 'gpt-4.1-mini', shutdownDate: '2027-01-14', replacement: 'gpt-6-luna' },
  ],
};

/** The small chat model used when JDPIPE_LLM_MODEL is not set: the cheapest current one in the table. */
export const DEFAULT_CHAT_MODEL = 'gpt-6-luna';
export const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';

const DATED_SNAPSHOT_SUFFIX = /-\d{4}-\d{2}-\d{2}$/;

/** A dated snapshot (`gpt-4.1-nano-2025-04-14`) is priced and retired like its family name. */
export function modelFamily(model: string): string {
  return model.trim().toLowerCase().replace(DATED_SNAPSHOT_SUFFIX, '');
}

export function priceOf(model: string, table: PriceTable = OPENAI_PRICES): ModelPrice | null {
  return table.models[modelFamily(model)] ?? null;
}

export function shutdownOf(model: string, table: PriceTable = OPENAI_PRICES): ModelShutdown | null {
  const family = modelFamily(model);
  return table.shutdowns.find((shutdown) => shutdown.model === family) ?? null;
}
