import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertTestDatabase } from './stack-database';

describe('assertTestDatabase', () => {
  it('accepts PostgreSQL databases whose name says they are for tests', () => {
    assert.doesNotThrow(() => assertTestDatabase('postgres://postgres@127.0.0.1:5432/test'));
    assert.doesNotThrow(() => assertTestDatabase('postgresql://ci:secret@db:5432/jdpipe_test_42'));
  });

  it('refuses any other database, a missing name, or another kind of URL', () => {
    assert.throws(() => assertTestDatabase('postgres://postgres@127.0.0.1:5432/jdpipe'), /refusing database "jdpipe"/);
    assert.throws(() => assertTestDatabase('postgres://postgres@127.0.0.1:5432/'), /refusing database ""/);
    assert.throws(() => assertTestDatabase('mysql://root@127.0.0.1/test'), /not a PostgreSQL URL/);
    assert.throws(() => assertTestDatabase('not a url'), /not a database URL/);
  });
});
