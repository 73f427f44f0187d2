import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';

import { LlmError, type LlmErrorCode } from '../errors/llm-error';

/** How one failed attempt should be handled. */
export interface AttemptFailure {
  /** The error to throw if no retry follows. */
  error: LlmError;
  retriable: boolean;
  /** What the server asked us to wait, in ms, when it said. */
  retryAfterMs: number | null;
}

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;

/** Sorts an error thrown by the SDK (its own retries are off) into what we do next. */
export function classifyAttemptFailure(error: unknown, now: number): AttemptFailure {
  if (error instanceof APIConnectionTimeoutError) {
    return retriable('LLM.TIMEOUT', 'The model did not answer before the per-attempt timeout.', error, null, null);
  }
  if (error instanceof APIConnectionError) {
    return retriable('LLM.UNAVAILABLE', `The model provider could not be reached: ${error.message}`, error, null, null);
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const retryAfterMs = retryAfterFrom(error.headers, now);
    if (isInsufficientQuota(error)) {
      return final(
        'LLM.QUOTA',
        'The provider account has no quota left (insufficient_quota): add credit or raise the usage limit. ' +
          'Retrying cannot help, so the call was not retried.',
        error,
        status,
      );
    }
    if (status === 429)
      return retriable('LLM.RATE_LIMITED', `Rate limited by the provider (429): ${error.message}`, error, status, retryAfterMs);
    if (status === 408)
      return retriable('LLM.TIMEOUT', `The provider timed out the request (408): ${error.message}`, error, status, retryAfterMs);
    if (status === 409 || status >= 500) {
      return retriable('LLM.UNAVAILABLE', `The provider failed (${status}): ${error.message}`, error, status, retryAfterMs);
    }
    // 400, 401, 403, 404, 422: our request or our credentials are wrong; the same request will fail again.
    return final('LLM.UNAVAILABLE', `The provider rejected the request (${status}): ${error.message}`, error, status);
  }
  const message = error instanceof Error ? error.message : String(error);
  return final('LLM.UNAVAILABLE', `The model call failed: ${message}`, error, null);
}

/**
 * Wait before retry number `retry` (1-based): the server's `Retry-After` when it gave one, else
 * exponential backoff with jitter (half of the step fixed, half random), so that many stages hit by the
 * same outage do not retry in step.
 */
export function retryDelayMs(retry: number, retryAfterMs: number | null, random: () => number): number {
  if (retryAfterMs !== null) return retryAfterMs;
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Reads `retry-after-ms` (OpenAI's own, milliseconds) or `retry-after` (seconds, or an HTTP date) into
 * milliseconds from `now`; null when absent or unreadable.
 */
export function retryAfterFrom(headers: Headers | undefined, now: number): number | null {
  if (!headers) return null;
  const milliseconds = Number(headers.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.ceil(milliseconds);
  const raw = headers.get('retry-after')?.trim();
  if (!raw) return null;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.ceil(Number(raw) * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function isInsufficientQuota(error: APIError): boolean {
  return error.code === 'insufficient_quota' || error.type === 'insufficient_quota';
}

function retriable(
  code: LlmErrorCode,
  message: string,
  cause: unknown,
  status: number | null,
  retryAfterMs: number | null,
): AttemptFailure {
  return { error: new LlmError(code, message, { cause, status, retriable: true }), retriable: true, retryAfterMs };
}

function final(code: LlmErrorCode, message: string, cause: unknown, status: number | null): AttemptFailure {
  return { error: new LlmError(code, message, { cause, status, retriable: false }), retriable: false, retryAfterMs: null };
}
