import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

import { deterministicEmbedding } from './deterministic-embedding';
import { type FakeChatReply, type FakeEmbeddingFailure, type FakeUsage, openAiError } from './fake-llm-replies';

/** A request as the fake received it; kept for assertions. */
export interface FakeRecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body; null for GET. */
  body: unknown;
  receivedAt: number;
}

/** The parts of a chat request a script matches on. */
export interface FakeChatRequest {
  model: string;
  system: string;
  user: string;
  /** `response_format.json_schema.name`, when structured outputs were asked for. */
  schemaName: string | null;
  body: Record<string, unknown>;
}

export type FakeChatMatcher =
  ((request: FakeChatRequest) => boolean) | { userIncludes?: string; systemIncludes?: string; schemaName?: string; model?: string };

/** A reply, or a function computing it from the request (to answer by what was asked). */
export type FakeChatScriptStep = FakeChatReply | ((request: FakeChatRequest) => FakeChatReply);

export interface FakeModel {
  id: string;
  /** YYYY-MM-DD, as OpenAI's models endpoint reports a scheduled or past shutdown. */
  shutdown_date?: string | null;
  owned_by?: string;
}

export interface FakeLlmServerOptions {
  models?: FakeModel[];
  /** Vector size when the request does not ask for `dimensions`. */
  embeddingDimensions?: number;
  /**
   * Vectors in place of the hash-based ones: a stand-in for a semantic model where a test needs paraphrases
   * to be close (the default vectors only see shared words).
   */
  embed?: (text: string, dimensions: number) => number[];
}

interface ChatRule {
  matches: (request: FakeChatRequest) => boolean;
  steps: FakeChatScriptStep[];
}

const DEFAULT_MODELS: FakeModel[] = [
  { id: 'gpt-6-luna', owned_by: 'system' },
  { id: 'text-embedding-3-small', owned_by: 'system' },
  { id: 'gpt-4.1-nano', owned_by: 'system', shutdown_date: '2026-10-23' },
];

/**
 * A local OpenAI-compatible server (127.0.0.1, random port) for tests that drive the real SDK:
 * `/v1/chat/completions`, `/v1/embeddings`, `/v1/models` and `/v1/models/{id}`, in OpenAI's wire format.
 *
 * Chat answers come from a script: `onChat(matcher, ...steps)` rules, tried in the order they were
 * added; a rule's steps are used one per matching request and its last step keeps answering, so
 * `onChat(m, fakeReply.rateLimited(), fakeReply.json(x))` fails once and then succeeds. A request no
 * rule matches gets a 400 that names the problem. Embeddings are deterministic hash-based vectors
 * unless failures were queued. Every request is recorded.
 */
export class FakeLlmServer {
  readonly requests: FakeRecordedRequest[] = [];
  private readonly chatRules: ChatRule[] = [];
  private readonly embeddingFailures: FakeEmbeddingFailure[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private models: FakeModel[];
  private readonly embeddingDimensions: number;
  private readonly embed: (text: string, dimensions: number) => number[];
  private completionCount = 0;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    options: FakeLlmServerOptions,
  ) {
    this.models = options.models ?? DEFAULT_MODELS;
    this.embeddingDimensions = options.embeddingDimensions ?? 64;
    this.embed = options.embed ?? deterministicEmbedding;
  }

  static async start(options: FakeLlmServerOptions = {}): Promise<FakeLlmServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const fake = new FakeLlmServer(server, `http://127.0.0.1:${port}/v1`, options);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void fake.handle(request, response));
    return fake;
  }

  /** Adds a rule; see the class comment for how steps are consumed. */
  onChat(matcher: FakeChatMatcher, ...steps: FakeChatScriptStep[]): this {
    if (steps.length === 0) throw new Error('onChat needs at least one reply');
    this.chatRules.push({ matches: toPredicate(matcher), steps: [...steps] });
    return this;
  }

  /** A rule matching every chat request. */
  onAnyChat(...steps: FakeChatScriptStep[]): this {
    return this.onChat(() => true, ...steps);
  }

  /** The next embedding requests fail with these, in order; later ones get vectors again. */
  failNextEmbeddings(...failures: FakeEmbeddingFailure[]): this {
    this.embeddingFailures.push(...failures);
    return this;
  }

  setModels(models: FakeModel[]): this {
    this.models = models;
    return this;
  }

  /** Forgets rules, queued failures and recorded requests. */
  reset(): void {
    this.chatRules.length = 0;
    this.embeddingFailures.length = 0;
    this.requests.length = 0;
  }

  chatRequests(): FakeChatRequest[] {
    return this.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => chatView(request.body));
  }

  embeddingRequests(): FakeRecordedRequest[] {
    return this.requests.filter((request) => request.path === '/v1/embeddings');
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://fake').pathname.replace(/\/+$/, '');
    let body: unknown = null;
    try {
      body = await readJsonBody(request);
    } catch {
      return send(response, 400, openAiError('We could not parse the JSON body of your request.', 'invalid_request_error', null));
    }
    this.requests.push({ method: request.method ?? 'GET', path, headers: flatHeaders(request), body, receivedAt: Date.now() });

    if (request.method === 'POST' && path === '/v1/chat/completions') return this.answerChat(body, response);
    if (request.method === 'POST' && path === '/v1/embeddings') return this.answerEmbeddings(body, response);
    if (request.method === 'GET' && path === '/v1/models') {
      return send(response, 200, { object: 'list', data: this.models.map(modelObject) });
    }
    const modelPath = /^\/v1\/models\/(.+)$/.exec(path);
    if (request.method === 'GET' && modelPath) {
      const id = decodeURIComponent(modelPath[1]!);
      const model = this.models.find((candidate) => candidate.id === id);
      return model
        ? send(response, 200, modelObject(model))
        : send(response, 404, openAiError(`The model '${id}' does not exist`, 'invalid_request_error', 'model_not_found'));
    }
    return send(response, 404, openAiError(`Unknown route ${request.method} ${path}`, 'invalid_request_error', null));
  }

  private answerChat(body: unknown, response: ServerResponse): void {
    if (!isRecord(body) || !Array.isArray(body.messages)) {
      return send(response, 400, openAiError("'messages' is required", 'invalid_request_error', null));
    }
    const request = chatView(body);
    const rule = this.chatRules.find((candidate) => candidate.matches(request));
    if (!rule) {
      return send(
        response,
        400,
        openAiError(
          `fake-llm: no scripted reply matches this request (user message starts "${request.user.slice(0, 60)}")`,
          'invalid_request_error',
          'fake_llm_unscripted',
        ),
      );
    }
    const step = rule.steps.length > 1 ? rule.steps.shift()! : rule.steps[0]!;
    const reply = typeof step === 'function' ? step(request) : step;
    switch (reply.kind) {
      case 'hang':
        this.hanging.add(response);
        response.on('close', () => this.hanging.delete(response));
        return;
      case 'status':
        return send(response, reply.status, reply.body, reply.headers);
      case 'answer':
        return send(response, 200, this.completion(request, JSON.stringify(reply.json), null, 'stop', reply.usage));
      case 'raw':
        return send(response, 200, this.completion(request, reply.content, null, 'stop', reply.usage));
      case 'truncated':
        return send(response, 200, this.completion(request, reply.content, null, 'length', reply.usage));
      case 'refusal':
        return send(response, 200, this.completion(request, null, reply.refusal, 'stop', reply.usage));
    }
  }

  private completion(
    request: FakeChatRequest,
    content: string | null,
    refusal: string | null,
    finishReason: string,
    usage: FakeUsage = {},
  ) {
    this.completionCount += 1;
    // Structured outputs put the schema in the model's context, so it is billed as input like the messages.
    const responseFormat = isRecord(request.body.response_format) ? JSON.stringify(request.body.response_format) : '';
    const promptTokens = usage.promptTokens ?? estimateTokens(`${request.system}${request.user}${responseFormat}`);
    const completionTokens = usage.completionTokens ?? estimateTokens(content ?? refusal ?? '');
    return {
      id: `chatcmpl-fake-${this.completionCount}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal }, logprobs: null, finish_reason: finishReason }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: usage.cachedTokens ?? 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    };
  }

  private answerEmbeddings(body: unknown, response: ServerResponse): void {
    const failure = this.embeddingFailures.shift();
    if (failure?.kind === 'hang') {
      this.hanging.add(response);
      response.on('close', () => this.hanging.delete(response));
      return;
    }
    if (failure) return send(response, failure.status, failure.body, failure.headers);
    if (!isRecord(body) || typeof body.model !== 'string') {
      return send(response, 400, openAiError("'model' is required", 'invalid_request_error', null));
    }
    const inputs = typeof body.input === 'string' ? [body.input] : body.input;
    if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((input) => typeof input === 'string')) {
      return send(response, 400, openAiError("'input' must be a string or a non-empty array of strings", 'invalid_request_error', null));
    }
    const dimensions = typeof body.dimensions === 'number' ? body.dimensions : this.embeddingDimensions;
    const asBase64 = body.encoding_format === 'base64';
    const data = (inputs as string[]).map((input, index) => {
      const vector = this.embed(input, dimensions);
      const embedding = asBase64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
      return { object: 'embedding', index, embedding };
    });
    const promptTokens = (inputs as string[]).reduce((sum, input) => sum + estimateTokens(input), 0);
    send(response, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } });
  }
}

function toPredicate(matcher: FakeChatMatcher): (request: FakeChatRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  return (request) =>
    (matcher.userIncludes === undefined || request.user.includes(matcher.userIncludes)) &&
    (matcher.systemIncludes === undefined || request.system.includes(matcher.systemIncludes)) &&
    (matcher.schemaName === undefined || request.schemaName === matcher.schemaName) &&
    (matcher.model === undefined || request.model === matcher.model);
}

function chatView(body: unknown): FakeChatRequest {
  const record = isRecord(body) ? body : {};
  const messages = Array.isArray(record.messages) ? record.messages.filter(isRecord) : [];
  const textOf = (role: string) =>
    messages
      .filter((message) => message.role === role || (role === 'system' && message.role === 'developer'))
      .map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content)))
      .join('\n');
  const responseFormat = isRecord(record.response_format) ? record.response_format : {};
  const jsonSchema = isRecord(responseFormat.json_schema) ? responseFormat.json_schema : {};
  return {
    model: typeof record.model === 'string' ? record.model : '',
    system: textOf('system'),
    user: textOf('user'),
    schemaName: typeof jsonSchema.name === 'string' ? jsonSchema.name : null,
    body: record,
  };
}

function modelObject(model: FakeModel) {
  return {
    id: model.id,
    object: 'model',
    created: 1_700_000_000,
    owned_by: model.owned_by ?? 'system',
    ...(model.shutdown_date === undefined ? {} : { shutdown_date: model.shutdown_date }),
  };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-request-id': `req_fake_${Date.now().toString(36)}`,
    ...headers,
  });
  response.end(payload);
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? null : (JSON.parse(text) as unknown);
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
