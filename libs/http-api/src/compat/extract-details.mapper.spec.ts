import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { aRunSkill } from '@jdpipe/testing';

import { toExtractDetailsAnswer } from './extract-details.mapper';
import { noCatalogFacts } from './run-catalog-facts';
import { aLegacyRun, legacyRunFacts } from './spec-fixtures/legacy-run.fixture';

describe('toExtractDetailsAnswer', () => {
  const run = aLegacyRun();
  const answer = toExtractDetailsAnswer(run, legacyRunFacts(run));

  it('matches only catalog skills, naming the alias the posting spelled', () => {
    const spelledShort = aLegacyRun({
      skills: [aRunSkill({ matchedVia: 'abbreviation', evidence: [{ start: 0, end: 2, text: 'Py', section: null }] })],
    });
    const [match] = toExtractDetailsAnswer(spelledShort, legacyRunFacts(spelledShort)).alias_matches;
    assert.deepEqual([match.existing_alias_id, match.existing_alias_text, match.matched_via], [421, 'Py', 'alias']);

    assert.deepEqual(
      answer.alias_matches.map((entry) => [entry.input_term, entry.existing_alias_id, entry.alias_persisted]),
      [['Python', 420, false]],
    );
    assert.deepEqual(answer.alias_matches[0].matched_canonical, {
      category_id: 7,
      display_name: 'Python',
      id: 42,
      is_also_category: false,
      is_extractable: true,
      skill_nature: 'LANGUAGE',
      slug: 'python',
      sub_category_id: 0,
      typical_lifespan: 'EVERGREEN',
      volatility: 'LOW',
    });
  });

  it('describes a catalog skill with its aliases and dimensions, a proposed one as a new skill', () => {
    const [python, proposed] = answer.skills_detail;
    assert.deepEqual(
      python.aliases_in_db.map((alias) => [alias.id, alias.alias_type, alias.match_strategy]),
      [
        [420, 'CANONICAL', 'CASE_INSENSITIVE'],
        [421, 'ABBREVIATION', 'CASE_SENSITIVE'],
      ],
    );
    assert.equal(python.new_alias_text, 'Python 3');
    assert.equal(python.source_tag, 'db');
    assert.deepEqual(python.dimensions[0].dimension, {
      difficulty_hint: '',
      display_name: 'Backend API Development',
      id: 9,
      rationale: 'Designing and running server APIs.',
      slug: 'backend-api-development',
      source: 'db',
    });
    assert.deepEqual(python.dimensions[0].roles_from_db, ['backend-engineer']);

    assert.equal(proposed.canonical, null);
    assert.equal(proposed.matched_via, null);
    assert.equal(proposed.source_tag, 'llm');
    assert.equal(proposed.was_in_llm_skills, true);
    assert.deepEqual(proposed.new_skill_meta?.derived, {
      category: 'Databases',
      skill_nature: 'PRACTICE',
      sub_category: '',
      typical_lifespan: '',
      version_strategy: '',
      volatility: '',
    });
  });

  it('lists the inputs, the skills the model found, the unmatched ones and the roles', () => {
    assert.deepEqual(answer.input_final_skills, ['Python', 'Database Integration']);
    assert.deepEqual(answer.input_llm_skills, ['Database Integration']);
    assert.deepEqual(answer.unmatched_skills, ['Database Integration']);
    assert.deepEqual(answer.chosen_role, {
      display_name: 'Backend Engineer',
      id: 1,
      rationale: run.role!.reasoning,
      role_archetype: 'Builds the server side of products.',
      slug: 'backend-engineer',
      source: 'db',
    });
    assert.deepEqual(
      answer.candidate_roles.map((role) => [role.slug, role.id]),
      [['data-engineer', 2]],
    );
  });

  it('gives 0 and empty text, never made-up values, for what the library does not know', () => {
    const unknown = toExtractDetailsAnswer(run, noCatalogFacts(run));
    assert.equal(unknown.chosen_role?.id, 0);
    assert.equal(unknown.chosen_role?.role_archetype, '');
    assert.equal(unknown.alias_matches[0].matched_canonical.id, 0);
    assert.equal(unknown.alias_matches[0].existing_alias_text, 'Python');
    assert.deepEqual(unknown.skills_detail[0].aliases_in_db, []);
  });
});
