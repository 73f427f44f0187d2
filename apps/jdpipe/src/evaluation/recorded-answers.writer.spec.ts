import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { loadSeedCatalog } from '@jdpipe/catalog';
import { type EvalCase, loadEvalCases } from '@jdpipe/evaluation';
import type { PostingAssistAnswer, RoleTieBreakAnswer } from '@jdpipe/pipeline-stages';
import { loadRecordedAnswers, repositoryRoot } from '@jdpipe/testing';

import { draftRecordedAnswers, RECORDING_ABOUT, uniqueMatch } from './recorded-answers.writer';

/** The repository root, from src or dist. */
const { catalog } = loadSeedCatalog();

const CASE: EvalCase = {
  id: 'spec-data-engineer',
  country: 'DE',
  posting: {
    title: 'Senior Data Engineer',
    description: [
      'Frischkiste builds the pipelines that feed forecasting.',
      '- Orchestrate workflows in Apache Airflow',
      '- You will check the quality of our data every day',
      '- 5+ years of experience as a data engineer',
      '- Salary €70.000–€85.000 per year',
      '- Fully remote within Germany',
    ].join('\n'),
  },
  expected: {
    status: 'completed',
    role: 'data-engineer',
    acceptableRoles: [],
    seniority: 'senior',
    ctc: { currency: 'EUR', min: 70000, max: 85000, period: 'annual' },
    experience: { min: 5, max: null },
    workMode: 'remote',
    skills: ['Apache Airflow', 'Data Quality', 'Kubernetes'],
    absentSkills: ['Scala'],
  },
};

describe('draftRecordedAnswers', () => {
  it('answers only what the posting says, each with a quote from it', () => {
    const recording = draftRecordedAnswers(CASE, catalog, 1, 'Frischkiste builds');
    const answer = recording.postingAssist as PostingAssistAnswer;
    assert.equal(recording.about, RECORDING_ABOUT);
    assert.deepEqual(
      answer.skills.map((skill) => [skill.name, skill.evidence]),
      [
        ['Apache Airflow', 'Orchestrate workflows in Apache Airflow'],
        // A paraphrase found by its word stems, as a model would read "the quality of our data".
        ['Data Quality', 'You will check the quality of our data every day'],
      ],
      'Kubernetes is labelled but not written, so no answer names it',
    );
    assert.equal(answer.skills[0]!.catalogSlug, 'apache-airflow');
    assert.deepEqual(answer.fields.salary, {
      currency: 'EUR',
      min: 70000,
      max: 85000,
      period: 'annual',
      evidence: 'Salary €70.000–€85.000 per year',
    });
    assert.deepEqual(answer.fields.experience, { min: 5, max: null, evidence: '5+ years of experience as a data engineer' });
    assert.deepEqual(answer.fields.workMode, { value: 'remote', evidence: 'Fully remote within Germany' });
    assert.deepEqual(answer.fields.seniority, { value: 'senior', evidence: 'Senior' });
    assert.deepEqual(recording.roleTieBreak, {
      choice: 'data-engineer',
      newRole: null,
      reasoning: 'The listed duties are those of data-engineer.',
    });
  });

  it('plants the mistakes the guards must drop, by the case position', () => {
    const ungrounded = (draftRecordedAnswers(CASE, catalog, 0, 'm').postingAssist as PostingAssistAnswer).skills.at(-1)!;
    assert.equal(ungrounded.name, 'Scala');
    assert.ok(!CASE.posting.description.includes(ungrounded.evidence));
    const invented = (draftRecordedAnswers(CASE, catalog, 2, 'm').postingAssist as PostingAssistAnswer).fields.salary!;
    assert.equal(invented.min, 77000);
    assert.equal((draftRecordedAnswers(CASE, catalog, 4, 'm').roleTieBreak as RoleTieBreakAnswer).choice, 'chief-executive-officer');
  });

  it('records nothing for a text that is not a posting', () => {
    const rejected = { ...CASE, expected: { ...CASE.expected, status: 'rejected' as const, role: null } };
    const recording = draftRecordedAnswers(rejected, catalog, 0, 'm');
    assert.equal(recording.postingAssist, null);
    assert.equal(recording.roleTieBreak, null);
  });
});

describe('the checked-in recordings', () => {
  const root = repositoryRoot();
  const cases = loadEvalCases(join(root, 'eval', 'cases'));
  const recordings = loadRecordedAnswers(join(root, 'eval', 'llm-recordings'));

  it('cover every dev case, each matching its own posting and no other', () => {
    assert.deepEqual(recordings.map((r) => r.case).sort(), cases.map((c) => c.id).sort());
    for (const recording of recordings) {
      const owners = cases.filter((evalCase) => evalCase.posting.description.includes(recording.match));
      assert.deepEqual(
        owners.map((evalCase) => evalCase.id),
        [recording.case],
        `match of ${recording.case}`,
      );
      assert.equal(recording.match, uniqueMatch(owners[0]!, cases));
    }
  });

  it('are what the writer produces today, so labels and recordings cannot drift apart', () => {
    cases.forEach((evalCase, position) => {
      const recording = recordings.find((r) => r.case === evalCase.id)!;
      assert.deepEqual(draftRecordedAnswers(evalCase, catalog, position, recording.match), recording, evalCase.id);
    });
  });
});
