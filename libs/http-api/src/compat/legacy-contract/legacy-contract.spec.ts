import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { requireSharedInCi, sharedDir } from '@jdpipe/testing';

import { toExtractDetailsAnswer } from '../extract-details.mapper';
import { toExtractFromJdAnswer } from '../extract-from-jd.mapper';
import { toFinalRoleOutputAnswer } from '../final-role-output.mapper';
import { aLegacyRun, legacyRunFacts } from '../spec-fixtures/legacy-run.fixture';
import { checkAgainstLegacy, keyPathTypes, legacyBlocksOf, readSeedRunPage } from './legacy-contract';

describe('keyPathTypes', () => {
  it('lists object keys with dots and array elements with [], merging the types seen at one path', () => {
    const paths = keyPathTypes({ a: { b: 1, c: null }, list: [{ d: 'x' }, { d: null, e: true }], empty: [] });
    assert.deepEqual(Object.fromEntries([...paths].map(([path, types]) => [path, [...types].sort()])), {
      '': ['object'],
      a: ['object'],
      'a.b': ['number'],
      'a.c': ['null'],
      list: ['array'],
      'list[]': ['object'],
      'list[].d': ['null', 'string'],
      'list[].e': ['boolean'],
      empty: ['array'],
    });
  });
});

describe('checkAgainstLegacy', () => {
  const legacy = { id: 1, name: 'x', note: null, items: [{ slug: 'a', score: 0.5 }], meta: { kind: 'k' } };

  it('passes an answer with every old key and compatible types, whatever it adds', () => {
    const report = checkAgainstLegacy(legacy, {
      id: 2,
      name: 'y',
      note: 'now filled',
      items: [{ slug: 'b', score: 1, extra: true }],
      meta: { kind: 'z' },
      more: 1,
    });
    assert.deepEqual(report, { missing: [], mismatched: [], unexpectedNulls: [], unreached: [] });
  });

  it('reports missing keys in every object, wrong types, new nulls and paths it could not reach', () => {
    const report = checkAgainstLegacy(legacy, {
      id: '2',
      name: null,
      note: null,
      items: [{ slug: 'b', score: 1 }, { slug: 'c' }],
      meta: null,
    });
    assert.deepEqual(report.missing, ['items[].score']);
    assert.deepEqual(report.mismatched, ['id: string, was number']);
    assert.deepEqual(report.unexpectedNulls, ['name', 'meta']);
    assert.deepEqual(report.unreached, ['meta.kind']);
    assert.deepEqual(checkAgainstLegacy(legacy, { ...legacy, items: [] }).unreached, ['items[]', 'items[].slug', 'items[].score']);
  });
});

describe('the old run page', () => {
  it('yields the four raw JSON blocks, and our answers keep every key path of the three endpoints', (t) => {
    requireSharedInCi('the compatibility contract');
    const page = readSeedRunPage(sharedDir());
    if (!page) return t.skip('shared/seed is not present');
    const blocks = legacyBlocksOf(page);
    assert.equal((blocks.nanoParser as { JD_type: string }).JD_type, 'pass');
    assert.equal((blocks.extractFromJd as { run_id: string }).run_id, '70c346cf-b5d5-46a4-9d3a-b0d9f1c067de');
    assert.ok(keyPathTypes(blocks.extractDetails).has('skills_detail[].new_skill_meta.derived.volatility'));
    assert.ok(keyPathTypes(blocks.finalRoleOutput).has('persistence.items[].dimension.rationale'));

    const run = aLegacyRun();
    const facts = legacyRunFacts(run);
    const answers = [
      [blocks.extractFromJd, toExtractFromJdAnswer(run, facts)],
      [blocks.extractDetails, toExtractDetailsAnswer(run, facts)],
      [blocks.finalRoleOutput, toFinalRoleOutputAnswer(run, facts)],
      [blocks.nanoParser, toExtractFromJdAnswer(run, facts).nano_parsed],
    ] as const;
    for (const [legacy, ours] of answers) {
      const report = checkAgainstLegacy(legacy, ours);
      // jdpipe keeps no alternative names for domains: the one list it always answers empty.
      report.unreached = report.unreached.filter((path) => !path.endsWith('domain.primary.aliases[]'));
      assert.deepEqual(report, { missing: [], mismatched: [], unexpectedNulls: [], unreached: [] });
    }
  });
});
