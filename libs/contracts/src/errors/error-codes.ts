/**
 * Every stable error code of jdpipe, `AREA.REASON`, with whether retrying can help. Rejections are outcomes
 * of a run; the others are failures of a message or a stage.
 */
export const ERROR_CODES = {
  'PARSE.EMPTY': { retriable: false, meaning: 'The posting has no text.' },
  'PARSE.TOO_LARGE': { retriable: false, meaning: 'The posting is longer than the parser accepts.' },
  'PARSE.NOT_TEXT': { retriable: false, meaning: 'The posting is binary or garbled, not text.' },
  'PARSE.NOT_A_JD': { retriable: false, meaning: 'The text does not read as a job posting.' },
  'EVENT.INVALID_JSON': { retriable: false, meaning: 'The message body is not JSON.' },
  'EVENT.SCHEMA_VIOLATION': { retriable: false, meaning: 'The message does not satisfy its event class.' },
  'EVENT.TOO_LARGE': { retriable: false, meaning: 'The message is larger than MAX_EVENT_BYTES.' },
  'STAGE.FAILED': { retriable: false, meaning: 'A stage threw an unexpected error.' },
  'DB.UNAVAILABLE': { retriable: true, meaning: 'The database could not be reached.' },
  'DB.CONFLICT': { retriable: true, meaning: 'A transaction lost a deadlock or serialization conflict; retrying succeeds.' },
  'BUS.UNAVAILABLE': { retriable: true, meaning: 'The message broker could not be reached or did not acknowledge a publish.' },
  'CATALOG.INVALID': { retriable: false, meaning: 'The catalog failed its checks.' },
  'INPUT.INVALID': { retriable: false, meaning: 'A command-line or API input is malformed.' },
  'LLM.TIMEOUT': { retriable: true, meaning: 'The model did not answer within the timeout, retries included.' },
  'LLM.RATE_LIMITED': { retriable: true, meaning: 'The model provider kept answering 429 (rate limit) after the allowed retries.' },
  'LLM.UNAVAILABLE': { retriable: true, meaning: 'The model provider could not be reached, failed (5xx) or rejected the request.' },
  'LLM.QUOTA': {
    retriable: false,
    meaning: 'The provider account has no quota or credit left (insufficient_quota); retrying cannot help.',
  },
  'LLM.REFUSED': { retriable: false, meaning: 'The model refused to answer or its answer was filtered.' },
  'LLM.TRUNCATED': { retriable: false, meaning: 'The answer was cut off at the output token limit (finish_reason=length).' },
  'LLM.INVALID_OUTPUT': { retriable: false, meaning: 'The answer is not JSON or does not satisfy the requested schema.' },
  'LLM.BUDGET_EXCEEDED': { retriable: false, meaning: "The call would exceed the run's token or cost budget, so it was not made." },
  'LLM.UNGROUNDED': { retriable: false, meaning: 'The model proposed something whose evidence is not in the posting; it was dropped.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error with a stable code, a retriable flag and its cause. */
export class PipelineError extends Error {
  readonly retriable: boolean;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { cause?: unknown; retriable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'PipelineError';
    this.retriable = options.retriable ?? ERROR_CODES[code].retriable;
  }
}
