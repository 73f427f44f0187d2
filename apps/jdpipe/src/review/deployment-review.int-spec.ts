import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { Client } from 'pg';
import type { DataSource } from 'typeorm';

import { CatalogChangedV1, CONTROL_TOPICS, decodeEvent } from '@jdpipe/contracts';
import { createDataSource } from '@jdpipe/persistence';
import { prepareDatabase } from '@jdpipe/runtime';
import { assertTestDatabase, KafkaTestHarness, waitFor, type TopicReader } from '@jdpipe/testing';

import { withDeploymentReviewService } from './deployment-review';
import { runReviewCommand } from './review.command';

const url = process.env.JDPIPE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `jdpipe_review_${randomBytes(5).toString('hex')}`;

async function adminQuery(sql: string): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

// `jdpipe review` against the Kafka deployment's PostgreSQL: decisions land there and are announced on the bus.
describe('jdpipe review with DATABASE_URL and KAFKA_BROKERS', () => {
  let dataSource: DataSource;
  let harness: KafkaTestHarness;
  let announcements: TopicReader;
  let itemId: number;

  before(async () => {
    assertTestDatabase(url);
    await adminQuery(`CREATE SCHEMA ${schema}`);
    dataSource = await createDataSource({ kind: 'postgres', url, schema });
    await prepareDatabase(dataSource);
    const rows = (await dataSource.query(
      `INSERT INTO review_queue (kind, value, normalised_value, target, payload) VALUES ('alias', 'Zorbflow', 'zorbflow', 'apache-airflow', '{}')
       RETURNING id`,
    )) as Array<{ id: number }>;
    itemId = rows[0]!.id;
    harness = await KafkaTestHarness.connect();
    await harness.createTopics([CONTROL_TOPICS.catalogChanged]);
    announcements = await harness.read(CONTROL_TOPICS.catalogChanged);
  });
  after(async () => {
    await announcements?.stop();
    await harness?.close();
    await dataSource?.destroy();
    await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  async function review(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await withDeploymentReviewService(
      env,
      (text) => (err += text),
      (service) =>
        runReviewCommand(
          service,
          args,
          { by: 'asha' },
          (text) => (out += text),
          (text) => (err += text),
        ),
    );
    return { code, out, err };
  }

  const kafkaEnv = () => ({
    DATABASE_URL: url,
    DATABASE_SCHEMA: schema,
    KAFKA_BROKERS: harness.brokers.join(','),
    KAFKA_TOPIC_PREFIX: harness.prefix,
  });

  it('approves in PostgreSQL and announces the new catalog version with its reason', async () => {
    const approved = await review(['approve', String(itemId)], kafkaEnv());
    assert.equal(approved.code, 0, approved.err);
    const version = Number(/catalog version (\d+)/.exec(approved.out)?.[1]);
    const aliases = (await dataSource.query(
      `SELECT a.text FROM skill_aliases a JOIN skills s ON s.id = a.skill_id WHERE s.slug = 'apache-airflow' AND a.text = 'Zorbflow'`,
    )) as unknown[];
    assert.equal(aliases.length, 1);

    await waitFor(() => announcements.records.length >= 1, { description: 'the announcement' });
    const event = decodeEvent(CatalogChangedV1, announcements.records[0]!.value);
    assert.equal(event.catalogVersion, version);
    assert.equal(event.producer, 'cli');
    assert.equal(event.reason, 'review: approve alias Zorbflow (apache-airflow) by asha');
    assert.equal(announcements.records[0]!.key, 'catalog');

    const actionId = Number(/action (\d+)/.exec(approved.out)?.[1]);
    const undone = await review(['undo', String(actionId)], kafkaEnv());
    assert.equal(undone.code, 0, undone.err);
    await waitFor(() => announcements.records.length >= 2, { description: 'the undo announcement' });
    assert.equal(decodeEvent(CatalogChangedV1, announcements.records[1]!.value).catalogVersion, version + 1);
  });

  it('without KAFKA_BROKERS still decides, and says the services will catch up on their own', async () => {
    const rejected = await review(['reject', String(itemId)], { ...kafkaEnv(), KAFKA_BROKERS: '' });
    assert.equal(rejected.code, 0, rejected.err);
    assert.match(rejected.err, /KAFKA_BROKERS is not set/);
    assert.match(rejected.out, /rejected by asha/);
  });
});
