import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { aRunDocument } from '@jdpipe/testing';

import { toExtractFromJdAnswer } from './extract-from-jd.mapper';
import { noCatalogFacts } from './run-catalog-facts';
import { aLegacyRun, legacyRunFacts } from './spec-fixtures/legacy-run.fixture';

describe('toExtractFromJdAnswer', () => {
  const run = aLegacyRun();
  const answer = toExtractFromJdAnswer(run, legacyRunFacts(run));

  it('names the posting’s own role, the library role its title is an alias of, and the strongest domain', () => {
    assert.deepEqual(answer.jd_role, {
      display_name: 'Senior Backend Developer',
      rationale: null,
      role_aliases: ['Software Engineer'],
      role_archetype: 'Software Engineering',
      slug: 'backend-engineer',
    });
    assert.deepEqual(answer.final_skills, [
      { is_primary: true, skill_name: 'Python' },
      { is_primary: false, skill_name: 'Database Integration' },
    ]);
  });

  it('keeps the parsed fields and reads the responsibilities without their heading', () => {
    const nano = answer.nano_parsed!;
    assert.equal(nano.JD_type, 'pass');
    assert.deepEqual(nano.ctc, { currency: 'INR', max: 2_500_000, min: 1_800_000, period: 'annual', raw: '18-25 LPA' });
    assert.deepEqual(nano.education, [
      { level: "Bachelor's", qualification: 'Computer Science', raw: "Bachelor's in CS", requirement: 'required' },
    ]);
    assert.deepEqual(nano.job_locations, ['Pune']);
    assert.deepEqual(nano.roles_and_responsibilities, [
      {
        bullet_count: 2,
        heading: 'Responsibilities',
        heading_was_present: true,
        source_marker: { first_5_words: 'Build REST services in Python', last_5_words: 'in Python Own database integration' },
        text: 'Build REST services in Python\nOwn database integration',
        word_count: 8,
      },
    ]);
  });

  it('lists candidate roles per signal, strongest first, with library ids and best KRA matches first', () => {
    const signals = answer.stage3_signals;
    assert.equal(signals.alias_found, true);
    assert.deepEqual(
      signals.alias_match_roles.map((role) => role.slug),
      ['backend-engineer'],
    );
    assert.deepEqual(
      signals.kra_match_roles.map((role) => [role.slug, role.role_id, role.score]),
      [
        ['backend-engineer', 1, 0.61],
        ['data-engineer', 2, 0.3],
      ],
    );
    assert.deepEqual(
      signals.kra_match_roles[0].kra_matches?.map((match) => match.similarity),
      [0.74, 0.12],
    );
  });

  it('reports the decision with the KRAs that count as matched and the dimensions under the chosen role', () => {
    const decision = answer.stage4_decision;
    assert.equal(decision.case, 'KRA');
    assert.equal(decision.chosen_role?.role_id, 1);
    assert.equal(decision.chosen_role?.score, 0.82);
    assert.deepEqual(decision.matched_kras, ['Build REST services in Python']);
    assert.deepEqual(decision.matched_skills, ['Python']);
    assert.deepEqual(decision.matched_dimensions, ['Backend API Development']);
    assert.equal(decision.llm2_fired, true);
    assert.equal(decision.llm2_reasoning, run.role!.reasoning);
    assert.equal(decision.queued, false);
  });

  it('shows the proposals as queue updates with their queue ids', () => {
    const updates = answer.stage5_updates;
    assert.deepEqual(updates.new_kra_attached, {
      best_kra_similarity: 0.12,
      queue_id: 101,
      r_and_r_preview: 'Build REST services in Python\nOwn database integration',
      role_display_name: 'Backend Engineer',
      role_slug: 'backend-engineer',
      status: 'pending',
    });
    assert.deepEqual(updates.new_skills_attached, [
      {
        is_primary: false,
        queue_id: 100,
        role_display_name: 'Backend Engineer',
        role_slug: 'backend-engineer',
        skill_name: 'Database Integration',
        status: 'pending',
      },
    ]);
    assert.equal(updates.centroid_n_after, 12);
    assert.equal(updates.centroid_updated, true);
  });

  it('answers a rejected posting with the reason and no decision', () => {
    const rejected = aRunDocument({
      status: 'rejected',
      rejection: { code: 'PARSE.NOT_A_JD', reason: 'this reads like a recipe' },
      parsed: null,
      role: null,
      signals: null,
      skills: [],
      runnersUp: [],
    });
    const refused = toExtractFromJdAnswer(rejected, noCatalogFacts(rejected));
    assert.equal(refused.rejected, true);
    assert.equal(refused.rejection_reason, 'this reads like a recipe');
    assert.equal(refused.nano_parsed, null);
    assert.equal(refused.stage4_decision.chosen_role, null);
    assert.equal(refused.stage4_decision.confidence, 0);
    assert.equal(refused.stage5_updates.new_kra_attached, null);
  });
});
