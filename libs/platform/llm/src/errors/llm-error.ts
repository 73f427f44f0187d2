import { type ErrorCode, type LlmCallRecord, PipelineError } from '@jdpipe/contracts';

export type LlmErrorCode = Extract<ErrorCode, `LLM.${string}`>;

/**
 * A model call that did not produce a usable answer. Callers catch it and fall back to the offline
 * result; `record` is the call's audit record (already handed to the call sink).
 */
export class LlmError extends PipelineError {
  declare readonly code: LlmErrorCode;
  /** HTTP status of the last attempt, when there was one. */
  readonly status: number | null;
  record: LlmCallRecord | null = null;

  constructor(code: LlmErrorCode, message: string, options: { cause?: unknown; retriable?: boolean; status?: number | null } = {}) {
    super(code, message, options);
    this.name = 'LlmError';
    this.status = options.status ?? null;
  }
}

export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError;
}
