import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';

import { Client } from 'pg';
import type { DataSource } from 'typeorm';

import { createDataSource, runMigrations } from './data-source';
import { registerStoreBehaviour } from './spec-fixtures/store-behaviour';

/**
 * The store behaviour against a real PostgreSQL, in a throw-away schema.
 * Run: npx tsx --test libs/platform/persistence/src/stores.int-spec.ts
 * Database: JDPIPE_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test.
 */
const url = process.env.JDPIPE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `jdpipe_test_${randomBytes(6).toString('hex')}`;

/** This spec creates and drops schemas: it must never point at a database that is not a test database. */
function assertTestDatabase(connectionUrl: string): void {
  const databaseName = decodeURIComponent(new URL(connectionUrl).pathname.replace(/^\//, ''));
  if (!databaseName.toLowerCase().includes('test')) {
    throw new Error(`Refusing to run integration specs against database "${databaseName}": its name must contain "test"`);
  }
}

let dataSource: DataSource;

before(async () => {
  assertTestDatabase(url);
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  dataSource = await createDataSource({ kind: 'postgres', url, schema });
  await runMigrations(dataSource);
});

after(async () => {
  await dataSource?.destroy();
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
});

test('the guard refuses databases whose name does not say test', () => {
  assert.throws(() => assertTestDatabase('postgres://postgres@127.0.0.1:5432/jdpipe'), /must contain "test"/);
  assert.doesNotThrow(() => assertTestDatabase('postgres://postgres@127.0.0.1:5432/jdpipe_test'));
});

test('migrations ran inside the throw-away schema, are idempotent, and match the entities', async () => {
  const tables: Array<{ table_schema: string }> = await dataSource.query(
    `SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = 'runs' AND table_schema = $1`,
    [schema],
  );
  assert.deepEqual(tables, [{ table_schema: schema }]);
  assert.deepEqual(await runMigrations(dataSource), []);
  const pending = await dataSource.driver.createSchemaBuilder().log();
  assert.deepEqual(
    pending.upQueries.map((query) => query.query),
    [],
  );
});

registerStoreBehaviour(() => dataSource);
