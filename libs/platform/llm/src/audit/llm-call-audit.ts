import type { LlmCallExchange } from '@jdpipe/contracts';

import type { LlmCallEntry } from '../sink/llm-call-sink';

/**
 * Size limits of an audited exchange. A posting is rarely over 10,000 characters, so a message keeps the
 * whole posting in practice; the answer of a structured call is a few hundred tokens. One `llm_calls` row
 * therefore stays under about 40 KB (2 messages × 16,000 + 8,000 characters + small fields).
 */
export const EXCHANGE_LIMITS = {
  maxMessageChars: 16_000,
  maxResponseChars: 8_000,
  /** Embedding inputs kept (each clipped to `maxEmbeddingInputChars`); the rest are only counted. */
  maxEmbeddingInputs: 20,
  maxEmbeddingInputChars: 300,
} as const;

const REDACTED = '[redacted]';

// Credential shapes that must never reach the database even when a posting or an answer carries them.
const SECRET_PATTERNS: readonly RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{16,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]{16,}/gi,
  /\b(api[_-]?key|authorization)(["']?\s*[:=]\s*["']?)[^\s"',}]{8,}/gi,
];

/**
 * The request and response of one call as the `llm_calls` table keeps them: the model, the schema name and
 * the messages (the posting included) on the way in, the raw content, refusal, finish reason and usage on
 * the way out. Every text is clipped to `EXCHANGE_LIMITS` (with the number of characters cut) and every
 * known secret (`secrets`, typically the API key) or credential-shaped string is replaced by `[redacted]`.
 */
export function auditExchange(entry: LlmCallEntry, secrets: ReadonlyArray<string | null> = []): LlmCallExchange {
  const scrub = scrubberFor(secrets);
  return {
    stage: entry.record.stage,
    purpose: entry.record.purpose,
    request: auditRequest(entry.requestBody, scrub),
    response: auditResponse(entry.responseBody, scrub),
  };
}

type Scrub = (text: string) => string;

function scrubberFor(secrets: ReadonlyArray<string | null>): Scrub {
  const known = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= 4);
  return (text) => {
    let clean = text;
    for (const secret of known) clean = clean.split(secret).join(REDACTED);
    for (const pattern of SECRET_PATTERNS) {
      clean = clean.replace(pattern, (_match, name?: string, separator?: string) =>
        typeof name === 'string' && typeof separator === 'string' ? `${name}${separator}${REDACTED}` : REDACTED,
      );
    }
    return clean;
  };
}

/** The text, scrubbed and cut to `max` characters, and how many characters were cut. */
function clipped(text: string, max: number, scrub: Scrub): { text: string; clippedChars?: number } {
  const clean = scrub(text);
  return clean.length <= max ? { text: clean } : { text: clean.slice(0, max), clippedChars: clean.length - max };
}

function auditRequest(body: unknown, scrub: Scrub): Record<string, unknown> | null {
  if (!isRecord(body)) return null;
  const model = typeof body.model === 'string' ? body.model : null;
  if (Array.isArray(body.messages)) {
    const format = isRecord(body.response_format) && isRecord(body.response_format.json_schema) ? body.response_format.json_schema : {};
    return {
      model,
      schema: typeof format.name === 'string' ? format.name : null,
      maxOutputTokens: typeof body.max_completion_tokens === 'number' ? body.max_completion_tokens : null,
      messages: body.messages.filter(isRecord).map((message) => {
        const content = typeof message.content === 'string' ? message.content : JSON.stringify(message.content ?? null);
        const { text, clippedChars } = clipped(content, EXCHANGE_LIMITS.maxMessageChars, scrub);
        return { role: String(message.role), content: text, ...(clippedChars ? { clippedChars } : {}) };
      }),
    };
  }
  const inputs = typeof body.input === 'string' ? [body.input] : Array.isArray(body.input) ? body.input.map(String) : [];
  return {
    model,
    inputCount: inputs.length,
    inputs: inputs
      .slice(0, EXCHANGE_LIMITS.maxEmbeddingInputs)
      .map((input) => clipped(input, EXCHANGE_LIMITS.maxEmbeddingInputChars, scrub).text),
  };
}

function auditResponse(body: unknown, scrub: Scrub): Record<string, unknown> | null {
  if (!isRecord(body)) return null;
  if (!Array.isArray(body.choices)) {
    // Embedding responses are already summarised by the client (vectors live in the cache, not the audit).
    return JSON.parse(scrub(JSON.stringify(body))) as Record<string, unknown>;
  }
  const choice = isRecord(body.choices[0]) ? body.choices[0] : {};
  const message = isRecord(choice.message) ? choice.message : {};
  const content = typeof message.content === 'string' ? clipped(message.content, EXCHANGE_LIMITS.maxResponseChars, scrub) : null;
  const refusal = typeof message.refusal === 'string' ? clipped(message.refusal, EXCHANGE_LIMITS.maxResponseChars, scrub).text : null;
  return {
    id: typeof body.id === 'string' ? body.id : null,
    model: typeof body.model === 'string' ? body.model : null,
    finishReason: typeof choice.finish_reason === 'string' ? choice.finish_reason : null,
    content: content?.text ?? null,
    ...(content?.clippedChars ? { clippedChars: content.clippedChars } : {}),
    refusal,
    usage: isRecord(body.usage) ? body.usage : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
