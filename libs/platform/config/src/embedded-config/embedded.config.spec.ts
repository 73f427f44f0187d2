import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { loadEmbeddedConfig } from './embedded.config';

describe('loadEmbeddedConfig', () => {
  it('keeps the database in the home folder by default and in memory on request', () => {
    assert.equal(loadEmbeddedConfig({}).dataDir, join(homedir(), '.jdpipe', 'data'));
    assert.equal(loadEmbeddedConfig({ JDPIPE_DATA_DIR: ':memory:' }).dataDir, null);
  });

  it('refuses a run timeout that is not a positive whole number', () => {
    assert.throws(() => loadEmbeddedConfig({ JDPIPE_RUN_TIMEOUT_MS: '-5' }), /JDPIPE_RUN_TIMEOUT_MS must be a positive whole number/);
  });
});
