import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { aRunDocument, aRunSkill } from '@jdpipe/testing';

import { toFinalRoleOutputAnswer } from './final-role-output.mapper';
import { noCatalogFacts } from './run-catalog-facts';
import { aLegacyRun, legacyRunFacts } from './spec-fixtures/legacy-run.fixture';

describe('toFinalRoleOutputAnswer', () => {
  it('tags each skill and resolves the chosen role in the library', () => {
    const run = aLegacyRun();
    const answer = toFinalRoleOutputAnswer(run, legacyRunFacts(run));
    assert.equal(answer.chosen_role_resolution, 'in_db');
    assert.equal(answer.chosen_role?.id, 1);
    assert.deepEqual(answer.final_input_skills, [
      { skill: 'Python', tag: 'in_db' },
      { skill: 'Database Integration', tag: 'new' },
    ]);

    const newRole = aRunDocument({
      role: { ...aRunDocument().role!, slug: 'prompt-engineer', displayName: 'Prompt Engineer', isNew: true },
    });
    assert.equal(toFinalRoleOutputAnswer(newRole, noCatalogFacts(newRole)).chosen_role_resolution, 'new');
  });

  it('has one persistence item per skill and dimension, with a role link only for dimensions under the chosen role', () => {
    const run = aRunDocument({
      skills: [
        aRunSkill({
          dimensions: [
            { slug: 'backend-api-development', displayName: 'Backend API Development', underChosenRole: true },
            { slug: 'scripting', displayName: 'Scripting', underChosenRole: false },
          ],
        }),
      ],
    });
    const { persistence } = toFinalRoleOutputAnswer(run, legacyRunFacts(run));
    assert.deepEqual(
      persistence.items.map((item) => [
        item.dimension.slug,
        item.dimension_id,
        item.skill_id,
        item.chosen_role_id,
        item.role_dimension_saved,
      ]),
      [
        ['backend-api-development', 9, 42, 1, true],
        ['scripting', 0, 42, 1, false],
      ],
    );
    assert.match(persistence.items[1].outcome_line, /skipped \(dimension not under chosen role\)/);
    assert.deepEqual([persistence.skill_dimension_saved, persistence.role_dimension_saved, persistence.new_skills_created], [2, 1, 0]);
  });

  it('sums model spend per old call: parsing and role decision were the first call, skills the second', () => {
    const run = aLegacyRun();
    const answer = toFinalRoleOutputAnswer(run, legacyRunFacts(run));
    assert.deepEqual(
      [answer.llm_cost_api1_usd, answer.llm_cost_api2_usd, answer.llm_cost_api3_usd, answer.llm_cost_total_usd],
      [0.0002, 0, 0, 0.0002],
    );

    const offline = aRunDocument();
    assert.equal(toFinalRoleOutputAnswer(offline, noCatalogFacts(offline)).llm_cost_total_usd, 0);

    const unpriced = aLegacyRun({ llmCalls: [{ ...run.llmCalls[0], costUsd: null }] });
    const unknown = toFinalRoleOutputAnswer(unpriced, noCatalogFacts(unpriced));
    assert.deepEqual([unknown.llm_cost_api1_usd, unknown.llm_cost_api2_usd, unknown.llm_cost_total_usd], [null, 0, null]);
  });
});
