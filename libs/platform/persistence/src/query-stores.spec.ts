import { after, before } from 'node:test';

import type { DataSource } from 'typeorm';

import { createDataSource, runMigrations } from './data-source';
import { registerQueryStoreBehaviour } from './spec-fixtures/query-store-behaviour';

let dataSource: DataSource;

before(async () => {
  dataSource = await createDataSource({ kind: 'pglite', dataDir: null });
  await runMigrations(dataSource);
});

after(async () => {
  await dataSource?.destroy();
});

registerQueryStoreBehaviour(() => dataSource);
