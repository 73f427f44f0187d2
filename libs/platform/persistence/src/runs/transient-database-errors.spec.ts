import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { PipelineError } from '@jdpipe/contracts';

import { asRetriableWhenTransient } from './transient-database-errors';

const failingWith = (code: string) => () => Promise.reject(Object.assign(new Error(`failure ${code}`), { code }));

describe('asRetriableWhenTransient', () => {
  it('makes deadlocks and serialization failures retriable conflicts', async () => {
    for (const code of ['40P01', '40001']) {
      await assert.rejects(asRetriableWhenTransient(failingWith(code)), (error: PipelineError) => {
        assert.equal(error.code, 'DB.CONFLICT');
        assert.equal(error.retriable, true);
        return true;
      });
    }
  });

  it('makes lost connections retriable, and leaves real errors alone', async () => {
    await assert.rejects(asRetriableWhenTransient(failingWith('ECONNREFUSED')), { code: 'DB.UNAVAILABLE', retriable: true });
    await assert.rejects(asRetriableWhenTransient(failingWith('57P01')), { code: 'DB.UNAVAILABLE' });
    await assert.rejects(asRetriableWhenTransient(failingWith('23505')), { code: '23505' });
    assert.equal(await asRetriableWhenTransient(() => Promise.resolve(42)), 42);
  });
});
