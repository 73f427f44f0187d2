import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import type { INestApplicationContext } from '@nestjs/common';

import { RunStore } from '@jdpipe/persistence';
import { requireSharedInCi, seedRunPagePosting } from '@jdpipe/testing';

import { startEmbeddedApp } from '../../apps/jdpipe/src/embedded/embedded-app';
import { PostingSubmitter } from '../../apps/jdpipe/src/ingest/posting-submitter';

// Black-box: a posting goes in through the ingest edge, a run document and database rows come out.
describe('embedded pipeline', () => {
  let app: INestApplicationContext;
  let submitter: PostingSubmitter;

  before(async () => {
    app = await startEmbeddedApp({ dataDir: null, seedDir: null, runTimeoutMs: 30_000 });
    submitter = app.get(PostingSubmitter);
  });
  after(async () => {
    await app?.close();
  });

  it('beats the replaced system on its own run-page posting', async (t) => {
    requireSharedInCi('the seed posting test');
    const description = seedRunPagePosting();
    if (!description) return t.skip('shared/seed is not present');
    const run = await submitter.submit({ description });

    assert.equal(run.status, 'completed');
    assert.deepEqual(
      { currency: run.parsed?.ctc?.currency, min: run.parsed?.ctc?.min, max: run.parsed?.ctc?.max, period: run.parsed?.ctc?.period },
      { currency: 'INR', min: 512498, max: 848243, period: 'annual' },
    );
    assert.equal(run.parsed?.experience?.min, 3);
    assert.ok(run.parsed?.education.some((e) => e.level === 'bachelor'));
    assert.equal(run.parsed?.seniority, 'senior');
    assert.ok(
      ['backend-engineer', 'software-engineer', 'full-stack-engineer', 'python-developer'].includes(run.role?.slug ?? ''),
      `role was ${run.role?.slug}`,
    );
    const names = run.skills.filter((s) => s.status === 'in_catalog').map((s) => s.slug);
    for (const slug of ['python', 'agile', 'scrum', 'code-review', 'database-integration']) {
      assert.ok(names.includes(slug), `missing ${slug} in ${names.join(', ')}`);
    }
    for (const skill of run.skills) {
      assert.doesNotMatch(skill.slug, /react|flutter|android|ios|mobile|swift|kotlin|excel/, `unexpected ${skill.slug}`);
      for (const evidence of skill.evidence) {
        assert.equal(description.slice(evidence.start, evidence.end), evidence.text, `evidence of ${skill.slug} is not at its offsets`);
      }
      const codeReview = skill.slug === 'code-review' ? skill : null;
      assert.ok(!codeReview?.dimensions.some((d) => /react|frontend/i.test(d.slug)), 'Code Review linked to a front-end dimension');
    }
    assert.ok(run.role!.confidence > 0 && run.role!.confidence < 1);
    assert.ok(run.role!.reasoning.length > 40);
    assert.deepEqual(run.llmCalls, []);
    for (const stage of ['parse', 'matchRole', 'resolveSkills', 'persist']) assert.equal(typeof run.timings[stage], 'number', stage);

    const stored = await app.get(RunStore).getRun(run.runId);
    assert.equal(stored?.role?.slug, run.role?.slug);
    assert.equal(stored?.skills.length, run.skills.length);
  });

  it('rejects what is not a job posting with a code and a reason, never crashing', async () => {
    const inputs = {
      empty: '   \n  ',
      recipe:
        'Masala chai. Ingredients: 2 cups water, 1 cup milk, 2 tsp black tea, 4 cardamom pods, a small piece of ginger, sugar to taste. ' +
        'Boil the water with the crushed cardamom and ginger for two minutes. Add the tea and simmer for a minute, then pour in the milk ' +
        'and bring it back to a boil. Strain into cups and serve hot with biscuits.',
      randomBytes: randomBytes(3000).toString('latin1'),
      hugePaste: 'We are hiring a developer. '.repeat(80_000),
    };
    for (const [name, description] of Object.entries(inputs)) {
      const run = await submitter.submit({ description });
      assert.equal(run.status, 'rejected', `${name} should be rejected`);
      assert.match(run.rejection?.code ?? '', /^PARSE\./, name);
      assert.ok((run.rejection?.reason.length ?? 0) > 10, `${name} needs a readable reason`);
      assert.equal(run.role, null);
    }
  });

  it('keeps each run of the same posting and stores it once per run', async () => {
    const description =
      'We are looking for a Staff Nurse for our ICU in Chennai. Responsibilities: monitor patients, administer medication, ' +
      'maintain patient records. Requirements: GNM or B.Sc Nursing, 2+ years of ICU experience, BLS certification. Salary 25,000 per month.';
    const first = await submitter.submit({ description });
    const second = await submitter.submit({ description });
    assert.equal(first.postingId, second.postingId);
    assert.notEqual(first.runId, second.runId);
    const runs = await app.get(RunStore).listRuns({ text: 'ICU in Chennai', limit: 10, offset: 0 });
    assert.equal(runs.filter((r) => r.postingId === first.postingId).length, 2);
  });
});
