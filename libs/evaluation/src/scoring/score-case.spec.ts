import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { aRunDocument, aRunSkill } from '@jdpipe/testing';

import type { EvalCase } from '../eval-cases/eval-case';
import { scoreCase } from './score-case';
import { summariseScores } from './summarise-scores';

const aliases: Record<string, string> = { python: 'python', py: 'python', sql: 'sql', react: 'react' };
const resolveName = (name: string) => aliases[name.toLowerCase()] ?? null;

function aCase(expected: Partial<EvalCase['expected']>): EvalCase {
  return {
    id: 'case-1',
    country: 'IN',
    posting: { description: 'text' },
    expected: { status: 'completed', role: 'backend-engineer', acceptableRoles: [], skills: [], absentSkills: [], ...expected },
  };
}

describe('scoreCase', () => {
  it('resolves labelled skill names through aliases and counts misses and traps', () => {
    const run = aRunDocument({ skills: [aRunSkill(), aRunSkill({ name: 'React', slug: 'react' })] });
    const score = scoreCase(aCase({ skills: ['Py', 'SQL'], absentSkills: ['React'] }), run, resolveName);
    assert.equal(score.skillsFound, 1);
    assert.deepEqual(score.missedSkills, ['SQL']);
    assert.deepEqual(score.trapSkillsReported, ['React']);
  });

  it('accepts the expected role or an acceptable one, and scores only labelled fields', () => {
    const run = aRunDocument();
    assert.equal(
      scoreCase(aCase({ role: 'software-engineer', acceptableRoles: ['backend-engineer'] }), run, resolveName).roleCorrect,
      true,
    );
    const score = scoreCase(
      aCase({
        role: 'data-engineer',
        seniority: 'senior',
        ctc: { currency: 'INR', min: 1_800_000, max: 2_500_000, period: 'annual' },
        workMode: 'remote',
      }),
      run,
      resolveName,
    );
    assert.equal(score.roleCorrect, false);
    assert.deepEqual(score.fields, { status: true, seniority: true, ctc: true, workMode: false });
  });

  it('scores a rejection by its status only', () => {
    const run = aRunDocument({ status: 'rejected', role: null, parsed: null, skills: [] });
    const score = scoreCase(aCase({ status: 'rejected', role: null }), run, resolveName);
    assert.equal(score.roleCorrect, null);
    assert.deepEqual(score.fields, { status: true });
  });
});

describe('summariseScores', () => {
  it('aggregates recall, trap precision, role accuracy and per-field tallies', () => {
    const run = aRunDocument({ skills: [aRunSkill(), aRunSkill({ name: 'React', slug: 'react' })] });
    const scores = [
      scoreCase(aCase({ skills: ['Python', 'SQL'], absentSkills: ['React'], seniority: 'senior' }), run, resolveName),
      scoreCase(aCase({ role: 'nurse', skills: ['Python'] }), run, resolveName),
    ];
    const summary = summariseScores(scores);
    assert.equal(summary.skillRecall, 2 / 3);
    assert.equal(summary.skillPrecision, 2 / 3);
    assert.equal(summary.roleAccuracy, 0.5);
    assert.deepEqual(summary.fieldAccuracy.seniority, { correct: 1, total: 1 });
    assert.deepEqual(summary.fieldAccuracy.status, { correct: 2, total: 2 });
  });
});
