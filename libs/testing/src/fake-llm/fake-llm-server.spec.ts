import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import OpenAI from 'openai';

import { cosineSimilarity, deterministicEmbedding } from './deterministic-embedding';
import { fakeReply } from './fake-llm-replies';
import { FakeLlmServer } from './fake-llm-server';

describe('FakeLlmServer', () => {
  let fake: FakeLlmServer;
  let openai: OpenAI;

  before(async () => {
    fake = await FakeLlmServer.start({ models: [{ id: 'gpt-6-luna' }, { id: 'gpt-5-nano', shutdown_date: '2026-12-11' }] });
    openai = new OpenAI({ apiKey: 'test-key', baseURL: fake.baseUrl, maxRetries: 0, timeout: 2000 });
  });
  after(() => fake.close());
  afterEach(() => fake.reset());

  const ask = (user: string) =>
    openai.chat.completions.create({
      model: 'gpt-6-luna',
      messages: [
        { role: 'system', content: 'Extract skills.' },
        { role: 'user', content: user },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'skills', schema: { type: 'object' }, strict: true } },
    });

  it('listens on 127.0.0.1 with a random port', () => {
    assert.match(fake.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('answers scripted JSON in the chat completion format the SDK reads, with usage and cached tokens', async () => {
    fake.onChat(
      { userIncludes: 'Python' },
      fakeReply.json({ skills: ['Python'] }, { promptTokens: 90, cachedTokens: 64, completionTokens: 7 }),
    );

    const completion = await ask('We need Python.');

    assert.deepEqual(JSON.parse(completion.choices[0]!.message.content!), { skills: ['Python'] });
    assert.equal(completion.choices[0]!.finish_reason, 'stop');
    assert.equal(completion.usage?.prompt_tokens, 90);
    assert.equal(completion.usage?.prompt_tokens_details?.cached_tokens, 64);
    assert.equal(completion.usage?.completion_tokens, 7);
    assert.equal(completion.model, 'gpt-6-luna');
  });

  it('picks the first matching rule, uses its steps in order and keeps repeating the last', async () => {
    fake.onChat({ userIncludes: 'Rust' }, fakeReply.json({ n: 1 }), fakeReply.json({ n: 2 }));
    fake.onAnyChat(fakeReply.json({ n: 0 }));

    const answers = [];
    for (const user of ['Rust', 'Go', 'Rust', 'Rust']) answers.push(JSON.parse((await ask(user)).choices[0]!.message.content!));

    assert.deepEqual(answers, [{ n: 1 }, { n: 0 }, { n: 2 }, { n: 2 }]);
  });

  it('answers from the request when the step is a function', async () => {
    fake.onAnyChat((request) => fakeReply.json({ echoed: request.user.toUpperCase(), schema: request.schemaName }));

    const completion = await ask('kotlin');

    assert.deepEqual(JSON.parse(completion.choices[0]!.message.content!), { echoed: 'KOTLIN', schema: 'skills' });
  });

  it('simulates truncation, refusals and broken JSON', async () => {
    fake.onAnyChat(fakeReply.truncated('{"skills": ["Py'), fakeReply.refusal('No.'), fakeReply.raw('not json'));

    const truncated = await ask('a');
    const refused = await ask('b');
    const broken = await ask('c');

    assert.equal(truncated.choices[0]!.finish_reason, 'length');
    assert.equal(refused.choices[0]!.message.refusal, 'No.');
    assert.equal(refused.choices[0]!.message.content, null);
    assert.equal(broken.choices[0]!.message.content, 'not json');
  });

  it('sends errors in the OpenAI format, with Retry-After, that the SDK turns into typed errors', async () => {
    fake.onAnyChat(fakeReply.rateLimited({ retryAfter: '7' }), fakeReply.insufficientQuota(), fakeReply.serverError(503));

    const rateLimited = await ask('a').catch((error: unknown) => error);
    const quota = await ask('b').catch((error: unknown) => error);
    const failed = await ask('c').catch((error: unknown) => error);

    assert.ok(rateLimited instanceof OpenAI.RateLimitError);
    assert.equal(rateLimited.headers.get('retry-after'), '7');
    assert.ok(quota instanceof OpenAI.RateLimitError);
    assert.equal(quota.code, 'insufficient_quota');
    assert.ok(failed instanceof OpenAI.InternalServerError);
    assert.equal(failed.status, 503);
  });

  it('answers an unscripted request with a 400 that says so', async () => {
    const error = await ask('anything').catch((caught: unknown) => caught);

    assert.ok(error instanceof OpenAI.BadRequestError);
    assert.equal(error.code, 'fake_llm_unscripted');
  });

  it('hangs until the client gives up', async () => {
    fake.onAnyChat(fakeReply.hang());
    const started = Date.now();

    const error = await openai.chat.completions
      .create({ model: 'gpt-6-luna', messages: [{ role: 'user', content: 'x' }] }, { timeout: 100 })
      .catch((caught: unknown) => caught);

    assert.ok(error instanceof OpenAI.APIConnectionTimeoutError);
    assert.ok(Date.now() - started >= 100);
  });

  it('records every request with its path, headers and body', async () => {
    fake.onAnyChat(fakeReply.json({}));

    await ask('Scala');
    await openai.models.list();

    assert.deepEqual(
      fake.requests.map((request) => `${request.method} ${request.path}`),
      ['POST /v1/chat/completions', 'GET /v1/models'],
    );
    assert.equal(fake.requests[0]!.headers.authorization, 'Bearer test-key');
    assert.equal(fake.chatRequests()[0]!.user, 'Scala');
    assert.equal(fake.chatRequests()[0]!.system, 'Extract skills.');
  });

  it('embeds deterministically in float and in the base64 encoding the SDK asks for by default', async () => {
    const texts = ['Build REST APIs in Python', 'Build REST APIs in Go', 'Bake sourdough bread'];

    const asFloat = await openai.embeddings.create({ model: 'text-embedding-3-small', input: texts, encoding_format: 'float' });
    const asBase64 = await openai.embeddings.create({ model: 'text-embedding-3-small', input: texts, dimensions: 32 });

    assert.deepEqual(asFloat.data[0]!.embedding, deterministicEmbedding(texts[0]!, 64));
    assert.deepEqual(Array.from(asBase64.data[2]!.embedding), deterministicEmbedding(texts[2]!, 32));
    assert.ok(asFloat.usage.prompt_tokens > 0);
    const [python, go, bread] = asFloat.data.map((item) => item.embedding);
    assert.ok(cosineSimilarity(python!, go!) > cosineSimilarity(python!, bread!), 'shared words bring vectors closer');
  });

  it('fails queued embedding requests, then answers again', async () => {
    fake.failNextEmbeddings(fakeReply.serverError(500));

    const failed = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }).catch((error: unknown) => error);
    const answered = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });

    assert.ok(failed instanceof OpenAI.InternalServerError);
    assert.equal(answered.data.length, 1);
  });

  it('lists models with their shutdown_date and 404s an unknown one', async () => {
    const listed = await openai.models.list();
    const retired = (await openai.models.retrieve('gpt-5-nano')) as OpenAI.Models.Model & { shutdown_date?: string };
    const missing = await openai.models.retrieve('gpt-0').catch((error: unknown) => error);

    assert.deepEqual(
      listed.data.map((model) => model.id),
      ['gpt-6-luna', 'gpt-5-nano'],
    );
    assert.equal(retired.shutdown_date, '2026-12-11');
    assert.ok(missing instanceof OpenAI.NotFoundError);
  });
});

describe('deterministicEmbedding', () => {
  it('returns unit vectors of the asked size, the same for the same text', () => {
    const vector = deterministicEmbedding('Lead a team of engineers', 16);

    assert.equal(vector.length, 16);
    assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-6);
    assert.deepEqual(deterministicEmbedding('Lead a team of engineers', 16), vector);
    assert.notDeepEqual(deterministicEmbedding('Write unit tests', 16), vector);
  });
});
