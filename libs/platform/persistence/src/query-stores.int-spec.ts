import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';

import type { DataSource } from 'typeorm';

import { assertTestDatabase, DEFAULT_STACK_DATABASE_URL, dropSchema } from '@jdpipe/testing';

import { createDataSource, runMigrations } from './data-source';
import { registerQueryStoreBehaviour } from './spec-fixtures/query-store-behaviour';

/**
 * The read-side stores against a real PostgreSQL, in a throw-away schema.
 * Database: JDPIPE_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test.
 */
const url = process.env.JDPIPE_TEST_DATABASE_URL ?? DEFAULT_STACK_DATABASE_URL;
const schema = `jdpipe_query_test_${randomBytes(6).toString('hex')}`;

let dataSource: DataSource;

before(async () => {
  assertTestDatabase(url);
  dataSource = await createDataSource({ kind: 'postgres', url, schema });
  await runMigrations(dataSource);
});

after(async () => {
  if (!dataSource) return;
  await dropSchema(dataSource, schema);
  await dataSource.destroy();
});

registerQueryStoreBehaviour(() => dataSource);
