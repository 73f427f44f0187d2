import { after, before } from 'node:test';

import type { DataSource } from 'typeorm';

import { createDataSource, runMigrations } from './data-source';
import { registerStoreBehaviour } from './spec-fixtures/store-behaviour';

// One in-memory PGlite for the whole file: starting it is the expensive part.
let dataSource: DataSource;

before(async () => {
  dataSource = await createDataSource({ kind: 'pglite', dataDir: null });
  await runMigrations(dataSource);
});

after(async () => {
  await dataSource?.destroy();
});

registerStoreBehaviour(() => dataSource);
