import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { PGlite } from '@electric-sql/pglite';

import { createPgliteDriver, openPglite, statementCommand, type PglitePool, type PgQueryResult } from './pglite-pg-driver';

describe('statementCommand', () => {
  test('reads the command tag pg would report from the statement', () => {
    assert.equal(statementCommand('select 1'), 'SELECT');
    assert.equal(statementCommand('  /* hint */ -- note\n INSERT INTO t VALUES (1)'), 'INSERT');
    assert.equal(statementCommand('(SELECT 1) UNION (SELECT 2)'), 'SELECT');
    assert.equal(statementCommand('START TRANSACTION'), 'BEGIN');
    assert.equal(statementCommand('create index on t (v)'), 'CREATE');
  });

  test('a WITH query reports its main statement, not the verbs inside its CTEs', () => {
    assert.equal(statementCommand('WITH gone AS (DELETE FROM a RETURNING id) SELECT count(*) FROM gone'), 'SELECT');
    assert.equal(statementCommand(`WITH x AS (SELECT (1), 'update') UPDATE t SET v = 1`), 'UPDATE');
    assert.equal(statementCommand('WITH x AS (SELECT 1) INSERT INTO t (a) SELECT * FROM x'), 'INSERT');
  });
});

describe('PGlite pool', () => {
  let database: PGlite;
  const pools: PglitePool[] = [];
  const newPool = (): PglitePool => {
    const { Pool } = createPgliteDriver({ instance: database });
    const pool = new Pool();
    pools.push(pool);
    return pool;
  };

  before(async () => {
    database = await openPglite(null);
    await database.exec('CREATE TABLE items (id serial PRIMARY KEY, label text UNIQUE, big bigint)');
  });

  after(async () => {
    await database.close();
  });

  test('results look like pg results: command, rowCount, rows, fields, int8 as text', async () => {
    const client = await newPool().connect();
    const inserted = await client.query(`INSERT INTO items (label, big) VALUES ($1, $2), ($3, $4) RETURNING id`, [
      'a',
      '9007199254740993',
      'b',
      2,
    ]);
    assert.equal(inserted.command, 'INSERT');
    assert.equal(inserted.rowCount, 2);
    assert.equal(inserted.rows.length, 2);
    const updated = await client.query('UPDATE items SET label = label || $1', ['!']);
    assert.deepEqual([updated.command, updated.rowCount, updated.rows], ['UPDATE', 2, []]);
    const selected = await client.query<{ big: unknown }>('SELECT big FROM items ORDER BY id');
    assert.deepEqual(selected.rows, [{ big: '9007199254740993' }, { big: '2' }]);
    assert.equal(selected.rowCount, 2);
    assert.deepEqual(selected.fields, [{ name: 'big', dataTypeID: 20 }]);
    const deleted = await client.query('DELETE FROM items WHERE label = $1', ['nothing']);
    assert.deepEqual([deleted.command, deleted.rowCount], ['DELETE', 0]);
    await client.query('DELETE FROM items');
  });

  test('the callback forms TypeORM uses work, and errors carry the pg fields', async () => {
    const pool = newPool();
    const result = await new Promise<PgQueryResult>((resolve, reject) => {
      pool.connect((error, client, release) => {
        if (error || !client || !release) return reject(error);
        client.query('SELECT 1 AS one', (queryError, queryResult) => {
          release();
          if (queryError) reject(queryError);
          else resolve(queryResult as PgQueryResult);
        });
      });
    });
    assert.deepEqual(result.rows, [{ one: 1 }]);
    await pool.query('INSERT INTO items (label) VALUES ($1)', ['dup']);
    await assert.rejects(
      pool.query('INSERT INTO items (label) VALUES ($1)', ['dup']),
      (error: Error & { code?: string; constraint?: string }) => {
        assert.equal(error.code, '23505');
        assert.equal(error.constraint, 'items_label_key');
        return true;
      },
    );
    await pool.query('DELETE FROM items');
  });

  test('a string of several statements without parameters runs like pg simple queries', async () => {
    const pool = newPool();
    const results = (await pool.query(`INSERT INTO items (label) VALUES ('x'); SELECT label FROM items`)) as unknown as PgQueryResult[];
    assert.ok(Array.isArray(results));
    assert.deepEqual(
      results.map((result) => result.command),
      ['INSERT', 'SELECT'],
    );
    assert.deepEqual(results[1].rows, [{ label: 'x' }]);
    await pool.query('DELETE FROM items');
  });

  test('the single session is lent to one borrower at a time, so transactions never interleave', async () => {
    const pool = newPool();
    const order: string[] = [];
    const first = await pool.connect();
    await first.query('BEGIN');
    await first.query(`INSERT INTO items (label) VALUES ('in-transaction')`);
    const secondBorrow = pool.connect().then(async (second) => {
      order.push('second borrowed');
      const seen = await second.query<{ total: string }>('SELECT count(*) AS total FROM items');
      return { second, seen: Number(seen.rows[0].total) };
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(pool.waitingCount, 1);
    order.push('first commits');
    await first.query('COMMIT');
    first.release();
    const { seen } = await secondBorrow;
    assert.deepEqual(order, ['first commits', 'second borrowed']);
    assert.equal(seen, 1, 'the second borrower sees the committed row, never a half-done transaction');
  });

  test('a client given back mid-transaction is rolled back before the next borrower gets it', async () => {
    const pool = newPool();
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query(`INSERT INTO items (label) VALUES ('abandoned')`);
    client.release();
    const rows = await pool.query(`SELECT count(*) AS total FROM items WHERE label = 'abandoned'`);
    assert.equal(Number(rows.rows[0].total), 0);
    const status = await pool.query('SELECT now() = statement_timestamp() AS outside_transaction');
    assert.deepEqual(status.rows, [{ outside_transaction: true }]);
  });

  test('end waits for the borrower, refuses new borrowers and leaves a caller-owned database open', async () => {
    const pool = newPool();
    let release: (() => void) | undefined;
    await new Promise<void>((resolve) => {
      pool.connect((_error, _client, giveBack) => {
        release = giveBack as () => void;
        resolve();
      });
    });
    let ended = false;
    const ending = pool.end().then(() => {
      ended = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(ended, false);
    await assert.rejects(pool.connect(), /after calling end/);
    release?.();
    await ending;
    assert.equal(ended, true);
    assert.equal(database.closed, false);
    assert.throws(() => release?.(), /already been released/);
  });
});
