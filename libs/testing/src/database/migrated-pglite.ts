import { after, before } from 'node:test';

import type { DataSource } from 'typeorm';

import { createDataSource, runMigrations } from '@jdpipe/persistence';

/**
 * One migrated in-memory PGlite for the calling spec file, opened before its tests and closed after them:
 * starting it is the expensive part, so a file shares one. Call at the top level of the spec.
 */
export function migratedPgliteForSpecs(): () => DataSource {
  let dataSource: DataSource | undefined;
  before(async () => {
    dataSource = await createDataSource({ kind: 'pglite', dataDir: null });
    await runMigrations(dataSource);
  });
  after(async () => {
    await dataSource?.destroy();
  });
  return () => {
    if (!dataSource) throw new Error('the spec database is only open while the tests run');
    return dataSource;
  };
}
