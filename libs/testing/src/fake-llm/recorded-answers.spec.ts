import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';

import OpenAI from 'openai';

import { FakeLlmServer } from './fake-llm-server';
import { answerUnrecorded, loadRecordedAnswers, type RecordedAnswers, replayRecordedAnswers } from './recorded-answers';

const recording = (overrides: Partial<RecordedAnswers>): RecordedAnswers => ({
  about: 'written by hand for this spec',
  case: 'case-a',
  match: 'Frischkiste is a meal-kit company',
  postingAssist: { fields: 'from case a', skills: [] },
  roleTieBreak: null,
  ...overrides,
});

describe('recorded answers', () => {
  let fake: FakeLlmServer;
  let openai: OpenAI;
  const dir = mkdtempSync(join(tmpdir(), 'jdpipe-recordings-'));

  before(async () => {
    fake = await FakeLlmServer.start();
    openai = new OpenAI({ apiKey: 'test-key', baseURL: fake.baseUrl, maxRetries: 0, timeout: 2000 });
  });
  after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => fake.reset());

  const ask = async (schema: string, user: string): Promise<unknown> => {
    const completion = await openai.chat.completions.create({
      model: 'gpt-6-luna',
      messages: [
        { role: 'system', content: 'Read the posting.' },
        { role: 'user', content: user },
      ],
      response_format: { type: 'json_schema', json_schema: { name: schema, schema: { type: 'object' }, strict: true } },
    });
    return JSON.parse(completion.choices[0]!.message.content!);
  };

  it('replays each recording to the posting that contains its match, per schema', async () => {
    replayRecordedAnswers(fake, [
      recording({}),
      recording({
        case: 'case-b',
        match: 'Ward 7 needs a registered nurse',
        postingAssist: { fields: 'from case b', skills: [] },
        roleTieBreak: { choice: 'registered-nurse', newRole: null, reasoning: 'nursing duties' },
      }),
    ]);
    assert.deepEqual(await ask('posting_assist', '<<<POSTING x>>>\nWard 7 needs a registered nurse.\n'), {
      fields: 'from case b',
      skills: [],
    });
    assert.deepEqual(await ask('posting_assist', 'Frischkiste is a meal-kit company in Berlin'), { fields: 'from case a', skills: [] });
    assert.deepEqual(await ask('role_tie_break', 'Ward 7 needs a registered nurse'), {
      choice: 'registered-nurse',
      newRole: null,
      reasoning: 'nursing duties',
    });
  });

  it('leaves a call without a recording unanswered, so the pipeline falls back to offline', async () => {
    replayRecordedAnswers(fake, [recording({})]);
    await assert.rejects(
      ask('role_tie_break', 'Frischkiste is a meal-kit company'),
      (error: unknown) => (error as { status?: number }).status === 400,
    );
    await assert.rejects(ask('posting_assist', 'an unrecorded posting'), (error: unknown) => (error as { status?: number }).status === 400);
  });

  it('answers unrecorded postings with nothing found and the first candidate confirmed, recordings first', async () => {
    answerUnrecorded(replayRecordedAnswers(fake, [recording({})]));
    assert.deepEqual(await ask('posting_assist', 'Frischkiste is a meal-kit company'), { fields: 'from case a', skills: [] });
    const generic = (await ask('posting_assist', 'an unrecorded posting')) as { skills: unknown[]; fields: { title: unknown } };
    assert.deepEqual(generic.skills, []);
    assert.deepEqual(generic.fields.title, { value: null, evidence: null });
    const context = JSON.stringify({ candidates: [{ slug: 'data-engineer' }, { slug: 'analytics-engineer' }] }, null, 2);
    assert.equal(((await ask('role_tie_break', `Context:\n${context}\nposting`)) as { choice: string }).choice, 'data-engineer');
  });

  it('loads recordings from a folder and names the file of a broken one', () => {
    writeFileSync(join(dir, 'b.json'), JSON.stringify(recording({ case: 'case-b' })));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...recording({}), roleTieBreak: undefined }));
    writeFileSync(join(dir, 'notes.txt'), 'not a recording');
    const loaded = loadRecordedAnswers(dir);
    assert.deepEqual(
      loaded.map((r) => [r.case, r.roleTieBreak]),
      [
        ['case-a', null],
        ['case-b', null],
      ],
    );
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ ...recording({}), match: '' }));
    assert.throws(() => loadRecordedAnswers(dir), /c\.json: "match" must be a non-empty string/);
  });
});
