import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadServiceConfig } from './service.config';

describe('loadServiceConfig', () => {
  it('works without settings on this machine: local PostgreSQL, a port per service', () => {
    const config = loadServiceConfig('persister', {});
    assert.equal(config.databaseUrl, 'postgres://postgres@127.0.0.1:5432/test');
    assert.equal(config.httpPort, 8084);
    assert.equal(config.databaseSchema, undefined);
  });

  it('stops with one message naming every bad variable', () => {
    assert.throws(
      () => loadServiceConfig('parser', { HTTP_PORT: 'eighty', DATABASE_URL: 'mysql://x', DATABASE_SCHEMA: 'Drop Table' }),
      (error: Error) => {
        assert.match(error.message, /HTTP_PORT must be a whole number/);
        assert.match(error.message, /DATABASE_URL must be a postgres:\/\/ URL/);
        assert.match(error.message, /DATABASE_SCHEMA must be a lowercase identifier/);
        return true;
      },
    );
  });
});
