import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { migratedPgliteForSpecs } from '@jdpipe/testing';

import { ApiKeyStore } from './api-key.store';

const dataSource = migratedPgliteForSpecs();

describe('ApiKeyStore', () => {
  test('a created key is found by its plaintext, which is not stored anywhere', async () => {
    const store = new ApiKeyStore(dataSource());
    const { key, record } = await store.create(' ci ingest ', 'ingest');
    assert.equal(record.name, 'ci ingest');
    assert.equal(record.role, 'ingest');
    assert.deepEqual(await store.findByKey(key), record);
    const rows = (await dataSource().query(`SELECT * FROM api_keys WHERE id = $1`, [record.id])) as Array<Record<string, unknown>>;
    assert.ok(!JSON.stringify(rows).includes(key.split('_')[2]!), 'the secret part must not be in the table');
  });

  test('a wrong secret under a real prefix, or a malformed key, finds nothing', async () => {
    const store = new ApiKeyStore(dataSource());
    const { key } = await store.create('reviewer one', 'reviewer');
    const tampered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    assert.equal(await store.findByKey(tampered), null);
    assert.equal(await store.findByKey('not a key'), null);
  });

  test('refuses unknown roles and empty names', async () => {
    const store = new ApiKeyStore(dataSource());
    await assert.rejects(store.create('x', 'owner' as never), /unknown role/);
    await assert.rejects(store.create('  ', 'admin'), /needs a name/);
  });

  test('revoking by id or prefix marks the key once; unknown keys give null', async () => {
    const store = new ApiKeyStore(dataSource());
    const first = await store.create('to revoke by id', 'admin');
    const second = await store.create('to revoke by prefix', 'admin');
    const revoked = await store.revoke(first.record.id);
    assert.ok(revoked?.revokedAt);
    assert.equal((await store.revoke(first.record.id))?.revokedAt, revoked.revokedAt, 'a second revoke keeps the first time');
    assert.ok((await store.revoke(second.record.prefix))?.revokedAt);
    assert.ok((await store.findByKey(first.key))?.revokedAt, 'a revoked key is still recognised, as revoked');
    assert.equal(await store.revoke('00000000-0000-4000-8000-000000000000'), null);
    assert.equal(await store.revoke('nOsUcHkY'), null);
  });

  test('last use is written at most once a minute per key', async () => {
    const store = new ApiKeyStore(dataSource());
    const { key, record } = await store.create('busy', 'ingest');
    const start = Date.parse('2030-01-01T00:00:00Z');
    await store.touch(record.id, start);
    await store.touch(record.id, start + 30_000);
    assert.equal((await store.findByKey(key))?.lastUsedAt, new Date(start).toISOString());
    await store.touch(record.id, start + 61_000);
    assert.equal((await store.findByKey(key))?.lastUsedAt, new Date(start + 61_000).toISOString());
  });

  test('lists every key, newest first, without secrets', async () => {
    const store = new ApiKeyStore(dataSource());
    const { record } = await store.create('newest', 'reviewer');
    const listed = await store.list();
    assert.equal(listed[0]?.id, record.id);
    assert.ok(listed.every((entry) => !('key' in entry) && !('hash' in entry)));
  });
});
