import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { DataSource } from 'typeorm';

import { CatalogStore } from './catalog/catalog.store';
import { createDataSource, dataSourceOptions, runMigrations } from './data-source';
import { smallSeed } from './spec-fixtures/catalog.fixture';

const EXPECTED_TABLES = [
  'admin_sessions',
  'api_keys',
  'catalog_import_entries',
  'catalog_versions',
  'dimensions',
  'domains',
  'embedding_cache',
  'llm_calls',
  'processed_events',
  'review_actions',
  'review_queue',
  'review_queue_evidence',
  'role_aliases',
  'role_centroids',
  'role_core_skills',
  'role_dimension_links',
  'role_dimensions',
  'role_kras',
  'role_skill_links',
  'roles',
  'run_signals',
  'run_skills',
  'run_stage_results',
  'runs',
  'skill_aliases',
  'skill_categories',
  'skill_dimension_links',
  'skill_dimensions',
  'skills',
  'typeorm_migrations',
];

let dataSource: DataSource;
let migratedFirstTime: string[];

before(async () => {
  dataSource = await createDataSource({ kind: 'pglite', dataDir: null });
  migratedFirstTime = await runMigrations(dataSource);
});

after(async () => {
  await dataSource?.destroy();
});

test('migrations build the whole schema on an empty database', async () => {
  assert.deepEqual(migratedFirstTime, [
    'InitialSchema1795625921138',
    'CatalogImports1795700000000',
    'ReviewActions1795800000000',
    'ApiKeys1795900000000',
    'EmbeddingCache1796000000000',
    'AdminSessions1796100000000',
  ]);
  const tables: Array<{ table_name: string }> = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
  );
  assert.deepEqual(
    tables.map((row) => row.table_name),
    EXPECTED_TABLES,
  );
});

test('running migrations again applies nothing', async () => {
  assert.deepEqual(await runMigrations(dataSource), []);
  const applied: Array<{ total: string }> = await dataSource.query('SELECT count(*) AS total FROM typeorm_migrations');
  assert.equal(Number(applied[0].total), 6);
});

test('the entities describe exactly the migrated schema (TypeORM would change nothing)', async () => {
  const pending = await dataSource.driver.createSchemaBuilder().log();
  assert.deepEqual(
    pending.upQueries.map((query) => query.query),
    [],
  );
});

test('a postgres target keeps its schema on the search path and refuses unsafe schema names', () => {
  const options = dataSourceOptions({ kind: 'postgres', url: 'postgres://localhost/test', schema: 'jdpipe_test_abc' });
  assert.equal(options.type, 'postgres');
  assert.equal((options as { schema?: string }).schema, 'jdpipe_test_abc');
  assert.throws(() => dataSourceOptions({ kind: 'postgres', url: 'postgres://localhost/test', schema: 'x; DROP' }));
  assert.equal(options.synchronize, false);
  assert.equal(options.migrationsRun, false);
});

test('a PGlite data directory is created with its parents and keeps its data between two DataSources', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'jdpipe-pglite-'));
  // A fresh machine has no ~/.jdpipe yet: the whole path must be created.
  const dataDir = join(parent, 'home', '.jdpipe', 'data');
  try {
    const first = await createDataSource({ kind: 'pglite', dataDir });
    await runMigrations(first);
    const version = await new CatalogStore(first).syncSeed(smallSeed());
    await first.destroy();

    const second = await createDataSource({ kind: 'pglite', dataDir });
    try {
      assert.deepEqual(await runMigrations(second), [], 'the schema is already there');
      const catalog = await new CatalogStore(second).loadCatalog();
      assert.equal(catalog.version, version);
      assert.deepEqual(catalog.skills.map((skill) => skill.slug).sort(), ['apache-kafka', 'go', 'python', 'team-leadership']);
    } finally {
      await second.destroy();
    }
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
