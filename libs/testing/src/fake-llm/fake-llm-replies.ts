/** Token counts the fake reports; unset fields are derived from the text lengths (4 characters a token). */
export interface FakeUsage {
  promptTokens?: number;
  completionTokens?: number;
  cachedTokens?: number;
}

/** What the fake sends back for one chat request. */
export type FakeChatReply =
  /** A good answer: `json` is serialised into the message content, finish_reason `stop`. */
  | { kind: 'answer'; json: unknown; usage?: FakeUsage }
  /** Arbitrary content, e.g. JSON that breaks the schema, or no JSON at all. */
  | { kind: 'raw'; content: string; usage?: FakeUsage }
  /** Output cut at the token limit: finish_reason `length`, content a prefix of an answer. */
  | { kind: 'truncated'; content: string; usage?: FakeUsage }
  /** A structured-outputs refusal: `message.refusal` set, content null. */
  | { kind: 'refusal'; refusal: string; usage?: FakeUsage }
  /** An HTTP error in OpenAI's format (429, 500, insufficient_quota …). */
  | FakeStatusReply
  /** No answer at all until the client gives up or the server closes: a timeout. */
  | { kind: 'hang' };

export interface FakeStatusReply {
  kind: 'status';
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Failures the embeddings endpoint can be scripted with; otherwise it answers deterministic vectors. */
export type FakeEmbeddingFailure = FakeStatusReply | { kind: 'hang' };

/** Builders for scripted replies, named after what they simulate. */
export const fakeReply = {
  json(json: unknown, usage?: FakeUsage): FakeChatReply {
    return { kind: 'answer', json, usage };
  },
  raw(content: string, usage?: FakeUsage): FakeChatReply {
    return { kind: 'raw', content, usage };
  },
  truncated(content = '{"skills": [{"name": "Pyth', usage?: FakeUsage): FakeChatReply {
    return { kind: 'truncated', content, usage };
  },
  refusal(refusal = "I'm sorry, I can't help with that."): FakeChatReply {
    return { kind: 'refusal', refusal };
  },
  /** 429 rate limit; `retryAfter` is the header as sent: seconds ("2") or an HTTP date. */
  rateLimited(options: { retryAfter?: string; retryAfterMs?: number } = {}): FakeStatusReply {
    const headers: Record<string, string> = {};
    if (options.retryAfter !== undefined) headers['retry-after'] = options.retryAfter;
    if (options.retryAfterMs !== undefined) headers['retry-after-ms'] = String(options.retryAfterMs);
    return {
      kind: 'status',
      status: 429,
      headers,
      body: openAiError('Rate limit reached for requests. Please try again later.', 'requests', 'rate_limit_exceeded'),
    };
  },
  /** 429 that no retry can fix: the account is out of credit. */
  insufficientQuota(): FakeStatusReply {
    return {
      kind: 'status',
      status: 429,
      body: openAiError(
        'You exceeded your current quota, please check your plan and billing details.',
        'insufficient_quota',
        'insufficient_quota',
      ),
    };
  },
  serverError(status = 500): FakeStatusReply {
    return { kind: 'status', status, body: openAiError('The server had an error while processing your request.', 'server_error', null) };
  },
  status(status: number, body: unknown, headers?: Record<string, string>): FakeStatusReply {
    return { kind: 'status', status, body, headers };
  },
  hang(): { kind: 'hang' } {
    return { kind: 'hang' };
  },
};

export function openAiError(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}
