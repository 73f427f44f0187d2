import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { RunDocument } from '@jdpipe/contracts';
import { RunStore } from '@jdpipe/persistence';

import { startEmbeddedApp } from '../embedded/embedded-app';
import { PostingSubmitter } from '../ingest/posting-submitter';
import { reviewServiceOf } from '../review/review-service.factory';
import { embeddedRerunner, rerun, type RerunOptions } from './rerun.command';
import { RerunStore } from './rerun.store';

const ORCHESTRATION_POSTING = {
  postingId: 'rerun-spec-data-engineer',
  title: 'Data Engineer',
  description: `Data Engineer

Responsibilities
- Build batch pipelines in Python and model warehouse tables in PostgreSQL.

Requirements
- 3+ years of Python and SQL
- Hands-on experience with Zorbflow and Kubernetes
`,
};

const NURSE_POSTING = {
  postingId: 'rerun-spec-nurse',
  title: 'Staff Nurse',
  description: `Staff Nurse - ICU

Responsibilities
- Monitor patients and vital signs, administer medication and IV therapy.

Requirements
- B.Sc Nursing, BLS and ACLS certification
`,
};

// The rerun loop on the embedded database: a reviewer makes "Zorbflow" an alias of Apache Airflow, and
// `rerun --since` re-processes exactly the posting that mentions it.
describe('jdpipe rerun on the embedded pipeline', () => {
  let app: INestApplicationContext;
  let store: RerunStore;
  let runs: RunStore;
  let dataEngineer: RunDocument;
  let nurse: RunDocument;
  let since: number;

  before(async () => {
    app = await startEmbeddedApp({ dataDir: null, seedDir: null, runTimeoutMs: 30_000 });
    store = new RerunStore(app.get(DataSource));
    runs = app.get(RunStore);
    const submitter = app.get(PostingSubmitter);
    dataEngineer = await submitter.submit(ORCHESTRATION_POSTING);
    nurse = await submitter.submit(NURSE_POSTING);
    since = dataEngineer.catalogVersion;
    const review = reviewServiceOf(app);
    const [item] = await review
      .list({ kind: 'skill', status: 'pending', limit: 100 })
      .then((items) => items.filter((i) => i.value === 'Zorbflow'));
    assert.ok(item, `the first run proposed Zorbflow: ${dataEngineer.status} ${JSON.stringify(dataEngineer.rejection)}`);
    await review.merge(item.id, 'apache-airflow', 'asha');
  });
  after(async () => {
    await app?.close();
  });

  async function rerunWith(options: Partial<RerunOptions>): Promise<{ code: number; out: string }> {
    let out = '';
    const code = await rerun(
      store,
      embeddedRerunner(app.get(PostingSubmitter)),
      { since, all: false, dryRun: false, limit: null, ...options },
      (text) => {
        out += text;
      },
    );
    return { code, out };
  }

  it('starts from runs that did not know the alias', () => {
    assert.equal(
      dataEngineer.skills.some((skill) => skill.slug === 'apache-airflow'),
      false,
    );
    assert.ok(dataEngineer.proposals.some((proposal) => proposal.value === 'Zorbflow'));
  });

  it('a dry run lists only the posting that mentions the new alias, and changes nothing', async () => {
    const countBefore = await runs.countRuns();
    const { code, out } = await rerunWith({ dryRun: true });
    assert.equal(code, 0);
    assert.match(
      out,
      new RegExp(`${dataEngineer.runId.slice(0, 8)}\\s+rerun-spec-data-engineer\\s+Data Engineer\\s+v${since}\\s+Zorbflow`),
    );
    assert.doesNotMatch(out, /rerun-spec-nurse/);
    assert.match(out, /2 postings last run with catalog/);
    assert.match(out, /1 affected/);
    assert.match(out, /dry run: nothing was re-processed/);
    assert.equal(await runs.countRuns(), countBefore);
  });

  it('--all --dry-run takes every older run, the nurse posting too', async () => {
    const { out } = await rerunWith({ dryRun: true, all: true });
    assert.match(out, /rerun-spec-nurse/);
    assert.match(out, /rerun-spec-data-engineer/);
  });

  it('re-processes the affected posting as a new run that lists the new skill and names the run it re-did', async () => {
    const { code, out } = await rerunWith({});
    assert.equal(code, 0, out);
    const row = out.split('\n').find((line) => line.startsWith(dataEngineer.runId.slice(0, 8)));
    assert.ok(row, out);
    assert.match(row, /\+apache-airflow/);
    assert.match(out, /rerun 1 run: role changed in 0, skills changed in 1 \(\+1 \/ -0\)/);

    const latest = (await runs.listRuns({ limit: 10, offset: 0 })).find((summary) => summary.postingId === ORCHESTRATION_POSTING.postingId);
    assert.ok(latest);
    assert.notEqual(latest.runId, dataEngineer.runId);
    const rerunDocument = await runs.getRun(latest.runId);
    assert.equal(rerunDocument?.rerunOf, dataEngineer.runId);
    assert.equal(rerunDocument?.catalogVersion, await store.currentVersion());
    assert.equal(rerunDocument?.skills.find((skill) => skill.slug === 'apache-airflow')?.status, 'in_catalog');
    assert.ok(await runs.getRun(dataEngineer.runId), 'the earlier run is kept');
  });

  it('does not take a posting again once its latest run has the current catalog', async () => {
    const { out } = await rerunWith({ dryRun: true, all: true });
    assert.doesNotMatch(out, /rerun-spec-data-engineer/);
    assert.match(out, new RegExp(`${nurse.runId.slice(0, 8)}\\s+rerun-spec-nurse`));
  });
});
