import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';

import { migratedPgliteForSpecs } from '@jdpipe/testing';

import { LEXICAL_CENTROID_MODEL, RunStore } from '../runs/run.store';
import { completedRun } from '../spec-fixtures/run-document.fixture';

const dataSource = migratedPgliteForSpecs();

test('a centroid averages vectors of one model only: another model, even of the same size, restarts it', async () => {
  const runs = new RunStore(dataSource());
  const role = { ...completedRun().role!, slug: 'model-centroid-role' };
  const save = (vector: number[], model?: string) =>
    runs.saveRun(completedRun({ role, proposals: [] }), { consumer: 'persister', eventId: randomUUID() }, vector, [], model);
  const centroid = async () =>
    ((await dataSource().query(`SELECT n, vector, vector_model FROM role_centroids WHERE role_slug = $1`, [role.slug])) as unknown[])[0];

  await save([1, 0, 0]);
  await save([0, 1, 0]);
  assert.deepEqual(await centroid(), { n: 2, vector: [0.5, 0.5, 0], vector_model: LEXICAL_CENTROID_MODEL });

  await save([0, 0, 1], 'text-embedding-3-small');
  assert.deepEqual(await centroid(), { n: 1, vector: [0, 0, 1], vector_model: 'text-embedding-3-small' });
  await save([0, 1, 1], 'text-embedding-3-small');
  assert.deepEqual(await centroid(), { n: 2, vector: [0, 0.5, 1], vector_model: 'text-embedding-3-small' });

  await save([1, 1, 1]);
  assert.deepEqual(await centroid(), { n: 1, vector: [1, 1, 1], vector_model: LEXICAL_CENTROID_MODEL });
});
