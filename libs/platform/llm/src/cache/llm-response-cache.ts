import { createHash } from 'node:crypto';

/** A validated answer kept for reuse: the parsed value and the raw response body it came from. */
export interface CachedLlmResponse {
  value: unknown;
  responseBody: unknown;
  model: string;
  storedAt: string;
}

/**
 * Where answers are kept between identical calls. Only answers that passed every check are stored,
 * so a hit can be used as is. The in-memory store below serves one process; a database adapter
 * implements the same port to share answers across processes and restarts.
 */
export interface LlmResponseCache {
  get(key: string): Promise<CachedLlmResponse | undefined>;
  set(key: string, entry: CachedLlmResponse): Promise<void>;
}

/** The parts of a call that decide its answer; anything else (run id, stage) must not split the cache. */
export interface CacheKeyParts {
  model: string;
  promptVersion: string;
  /** The inputs: messages, schema, or the text to embed. */
  input: unknown;
}

/**
 * Cache key of a call: sha256 over the model, the prompt version and the normalised input. Strings are
 * NFC-normalised with runs of blanks collapsed and lines trimmed, and object keys sorted, so that
 * formatting noise in a posting does not cost a second call.
 */
export function llmCacheKey(parts: CacheKeyParts): string {
  const canonical = canonicalJson({ model: parts.model.trim().toLowerCase(), promptVersion: parts.promptVersion, input: parts.input });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t \u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(normaliseText(value));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Process-local cache with a size bound; the oldest entry goes first when full. */
export class InMemoryLlmResponseCache implements LlmResponseCache {
  private readonly entries = new Map<string, CachedLlmResponse>();

  constructor(private readonly maxEntries = 10_000) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Promise<CachedLlmResponse | undefined> {
    const entry = this.entries.get(key);
    if (entry) {
      // Re-inserting keeps recently used answers at the young end of the map.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return Promise.resolve(entry);
  }

  set(key: string, entry: CachedLlmResponse): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return Promise.resolve();
  }
}
