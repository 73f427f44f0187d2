import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DEFAULT_CATALOG_CHECK_MS, loadCatalogCheckMs } from './catalog-freshness.config';

describe('loadCatalogCheckMs', () => {
  it('defaults to 30 s, takes a whole number of milliseconds, and 0 turns the check off', () => {
    assert.equal(loadCatalogCheckMs({}), DEFAULT_CATALOG_CHECK_MS);
    assert.equal(DEFAULT_CATALOG_CHECK_MS, 30_000);
    assert.equal(loadCatalogCheckMs({ JDPIPE_CATALOG_CHECK_MS: '5000' }), 5000);
    assert.equal(loadCatalogCheckMs({ JDPIPE_CATALOG_CHECK_MS: '0' }), 0);
  });

  it('refuses what is not a whole number up to an hour, naming the variable', () => {
    for (const raw of ['soon', '-1', '1.5', '3600001']) {
      assert.throws(
        () => loadCatalogCheckMs({ JDPIPE_CATALOG_CHECK_MS: raw }),
        /JDPIPE_CATALOG_CHECK_MS must be a whole number from 0 to 3600000/,
      );
    }
  });
});
