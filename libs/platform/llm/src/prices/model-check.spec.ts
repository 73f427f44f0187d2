import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { FakeLlmServer } from '@jdpipe/testing';
import OpenAI from 'openai';

import { checkModel } from './model-check';

const TODAY = new Date('2026-11-25T12:00:00Z');

describe('checkModel', () => {
  let fake: FakeLlmServer;
  let openai: OpenAI;

  before(async () => {
    fake = await FakeLlmServer.start({
      models: [
        { id: 'gpt-6-luna' },
        { id: 'gpt-5-mini', shutdown_date: '2026-12-11' },
        { id: 'gpt-4.1-nano', shutdown_date: '2026-10-23' },
        { id: 'my-local-model' },
      ],
    });
    openai = new OpenAI({ apiKey: 'test-key', baseURL: fake.baseUrl, maxRetries: 0, timeout: 1000 });
  });
  after(() => fake.close());

  it('is silent for a current, priced model', async () => {
    const check = await checkModel(openai, 'gpt-6-luna', { today: TODAY });

    assert.deepEqual(check, { model: 'gpt-6-luna', priced: true, shutdownDate: null, warnings: [] });
  });

  it('warns about a scheduled shutdown reported by the models endpoint', async () => {
    const check = await checkModel(openai, 'gpt-5-mini', { today: TODAY });

    assert.equal(check.shutdownDate, '2026-12-11');
    assert.match(check.warnings.join('\n'), /scheduled to shut down on 2026-12-11 \(the provider reports it\).*gpt-6-luna/);
  });

  it('warns that a model past its shutdown date will fail', async () => {
    const check = await checkModel(openai, 'gpt-4.1-nano', { today: TODAY });

    assert.match(check.warnings.join('\n'), /was shut down on 2026-10-23/);
  });

  it('warns about a model missing from the price table', async () => {
    const check = await checkModel(openai, 'my-local-model', { today: TODAY });

    assert.equal(check.priced, false);
    assert.match(check.warnings.join('\n'), /not in the price table \(as of \d{4}-\d{2}-\d{2}\)/);
  });

  it('warns about a model the provider does not know, and falls back to the table for its shutdown', async () => {
    const check = await checkModel(openai, 'gpt-4.1-mini', { today: TODAY });

    assert.match(check.warnings.join('\n'), /does not list model "gpt-4.1-mini"/);
    assert.equal(check.shutdownDate, '2027-01-14');
    assert.match(check.warnings.join('\n'), /price table \(as of [\d-]+\) lists it/);
  });

  it('turns an unreachable provider into a warning instead of failing start-up', async () => {
    const unreachable = new OpenAI({ apiKey: 'test-key', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, timeout: 500 });

    const check = await checkModel(unreachable, 'gpt-6-luna', { today: TODAY });

    assert.match(check.warnings.join('\n'), /Could not check model "gpt-6-luna"/);
  });
});
