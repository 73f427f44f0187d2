import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { INestApplicationContext } from '@nestjs/common';

import { CatalogStore } from '@jdpipe/persistence';
import type { ReviewService } from '@jdpipe/review';

import { startEmbeddedApp } from '../embedded/embedded-app';
import { PostingSubmitter } from '../ingest/posting-submitter';
import { runReviewCommand, type ReviewCommandOptions } from './review.command';
import { reviewServiceOf } from './review-service.factory';

const POSTING = {
  title: 'Senior Backend Engineer',
  description: `Senior Backend Engineer

About the role
You will design and build REST APIs in Python and own the reliability of our payment services.

Requirements
- 5+ years of experience with Python and PostgreSQL
- Hands-on experience with Zorbflow and Kubernetes
`,
};

// The whole loop in the embedded mode: a run proposes a skill, a reviewer approves it, the next run knows it.
describe('review loop in the embedded pipeline', () => {
  let app: INestApplicationContext;
  let submitter: PostingSubmitter;
  let service: ReviewService;

  before(async () => {
    app = await startEmbeddedApp({ dataDir: null, seedDir: null, runTimeoutMs: 30_000 });
    submitter = app.get(PostingSubmitter);
    service = reviewServiceOf(app);
  });
  after(async () => {
    await app?.close();
  });

  async function review(args: string[], options: ReviewCommandOptions = {}): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runReviewCommand(
      service,
      args,
      { by: 'asha', ...options },
      (text) => (out += text),
      (text) => (err += text),
    );
    return { code, out, err };
  }

  it('a proposed skill, once approved, comes out in_catalog on the next run; undone, it is proposed again', async () => {
    const first = await submitter.submit(POSTING);
    assert.equal(first.status, 'completed');
    assert.equal(first.skills.find((skill) => skill.slug === 'zorbflow')?.status, 'proposed');

    const listed = await review(['list'], { kind: 'skill' });
    assert.equal(listed.code, 0);
    const row = listed.out.split('\n').find((line) => line.includes('Zorbflow'));
    assert.ok(row, listed.out);
    assert.match(row, /new canonical skill/);
    const id = Number(row.trim().split(/\s+/)[0]);

    const shown = await review(['show', String(id)]);
    assert.match(shown.out, new RegExp(first.runId));
    assert.match(shown.out, /Hands-on experience with Zorbflow and Kubernetes/);

    const approved = await review(['approve', String(id)], { nature: 'tool', category: 'Workflow Orchestration' });
    assert.equal(approved.code, 0, approved.err);
    const version = await app.get(CatalogStore).latestVersion();
    assert.ok(version !== null && version > first.catalogVersion);
    assert.match(approved.out, new RegExp(`catalog version ${version}`));

    const second = await submitter.submit(POSTING);
    const zorbflow = second.skills.find((skill) => skill.slug === 'zorbflow');
    assert.equal(zorbflow?.status, 'in_catalog');
    assert.equal(zorbflow?.category, 'Workflow Orchestration');
    assert.equal(second.catalogVersion, version, 'the run records the catalog version it used');
    assert.ok(!second.proposals.some((proposal) => proposal.value === 'Zorbflow'));

    const again = await review(['approve', String(id)]);
    assert.equal(again.code, 1);
    assert.match(again.err, /already approved/);

    const actionId = Number(/action (\d+)/.exec(approved.out)?.[1]);
    const undone = await review(['undo', String(actionId)]);
    assert.equal(undone.code, 0, undone.err);
    const third = await submitter.submit(POSTING);
    assert.equal(third.skills.find((skill) => skill.slug === 'zorbflow')?.status, 'proposed');
  });

  it('reports bad usage with exit code 2 and the usage text', async () => {
    const unknown = await review(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /jdpipe review list/);
    const badId = await review(['show', 'abc']);
    assert.equal(badId.code, 2);
    assert.match(badId.err, /ID must be a positive whole number/);
    const noInto = await review(['merge', '1']);
    assert.equal(noInto.code, 2);
  });
});
