import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { RunDocument } from '@jdpipe/contracts';
import { aRunDocument } from '@jdpipe/testing';

import { selectAffectedRuns, termKey, type CatalogChangeTerms } from './affected-runs';

function runOf(runId: string, catalogVersion: number, title: string, description: string, createdAt: string): RunDocument {
  return aRunDocument({
    runId,
    postingId: `posting-${runId}`,
    catalogVersion,
    createdAt,
    posting: { title, description, location: null, company: null, source: 'cli' },
  });
}

const spark = runOf('spark', 3, 'Data Engineer', 'Build pipelines with PySpark and Airflow.', '2026-01-02T00:00:00Z');
const nurse = runOf('nurse', 3, 'Staff Nurse', 'Monitor patients in the ICU.', '2026-01-01T00:00:00Z');
const dotnet = runOf('dotnet', 5, 'Backend Developer', 'We use C# and .NET with Node.js tooling.', '2026-01-03T00:00:00Z');

const ids = (selection: ReturnType<typeof selectAffectedRuns>) => selection.affected.map((affected) => affected.run.runId);

describe('selectAffectedRuns', () => {
  it('takes a run whose posting mentions a term changed after its own catalog version, and says which', () => {
    const changes: CatalogChangeTerms[] = [{ version: 4, reason: 'review: alias pyspark', terms: ['PySpark'] }];
    const selection = selectAffectedRuns([spark, nurse], changes, { all: false });
    assert.deepEqual(ids(selection), ['spark']);
    assert.deepEqual(selection.affected[0]!.matchedTerms, ['PySpark']);
    assert.equal(selection.considered, 2);
  });

  it('ignores changes the run already had: only versions newer than the run count', () => {
    const changes: CatalogChangeTerms[] = [
      { version: 4, reason: 'review: alias pyspark', terms: ['PySpark'] },
      { version: 6, reason: 'review: skill monitoring', terms: ['ICU'] },
    ];
    assert.deepEqual(ids(selectAffectedRuns([spark, nurse, dotnet], changes, { all: false })), ['nurse', 'spark']);
    const onlyOld = [{ version: 5, reason: 'review: alias C#', terms: ['C#'] }];
    assert.deepEqual(ids(selectAffectedRuns([dotnet], onlyOld, { all: false })), [], 'the run was made with version 5 already');
  });

  it('matches whole words and phrases, case-insensitively, keeping C#, .NET and Node.js whole', () => {
    const changes: CatalogChangeTerms[] = [
      { version: 9, reason: 'x', terms: ['c#', '.net', 'NODE.JS', 'node', 'Spark', 'build pipelines'] },
    ];
    const selection = selectAffectedRuns([dotnet, spark], changes, { all: false });
    assert.deepEqual(selection.affected.find((affected) => affected.run.runId === 'dotnet')?.matchedTerms, ['.net', 'c#', 'NODE.JS']);
    assert.deepEqual(
      selection.affected.find((affected) => affected.run.runId === 'spark')?.matchedTerms,
      ['build pipelines'],
      '"Spark" is not a word of "PySpark"',
    );
  });

  it('with --all, or after a version that names no terms, takes every older run', () => {
    const named: CatalogChangeTerms[] = [{ version: 4, reason: 'review', terms: ['Kubernetes'] }];
    assert.deepEqual(ids(selectAffectedRuns([spark, nurse], named, { all: true })), ['nurse', 'spark']);
    const unattributed: CatalogChangeTerms[] = [...named, { version: 5, reason: 'import file: skills 3', terms: null }];
    const selection = selectAffectedRuns([spark, nurse, dotnet], unattributed, { all: false });
    assert.deepEqual(ids(selection), ['nurse', 'spark']);
    assert.deepEqual(selection.affected[0]!.matchedTerms, []);
    assert.deepEqual(
      selection.unattributedVersions.map((change) => change.version),
      [5],
    );
  });

  it('reads terms as word sequences', () => {
    assert.equal(termKey('  Apache   Airflow '), 'apache airflow');
    assert.equal(termKey('Node.js.'), 'node.js');
    assert.equal(termKey('—'), '');
  });
});
