import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CatalogIndex, loadSeedCatalog } from '@jdpipe/catalog';
import { parseJobDescription } from '@jdpipe/jd-parsing';
import { noPostingFields } from '@jdpipe/testing';

import { mergePostingAssist } from './posting-assist.merge';
import type { AssistedEnrichment, AssistedSkill } from './posting-assist.schema';
import { catalogCategories, checkEnrichment } from './skill-enrichment';

const catalog = new CatalogIndex(loadSeedCatalog().catalog);
const categories = catalogCategories(catalog);

const GOOD: AssistedEnrichment = {
  category: 'backend development',
  nature: 'tool',
  volatility: 'HIGH',
  lifespan: 'multi-year',
  versionStrategy: 'VERSIONED',
  confidence: 0.7,
};

describe('checkEnrichment', () => {
  it('keeps values from the catalog lists, in the catalog spelling', () => {
    assert.ok(categories.includes('Backend Development'));
    assert.deepEqual(checkEnrichment('Temporal', GOOD, categories), {
      skill: 'Temporal',
      category: 'Backend Development',
      nature: 'TOOL',
      volatility: 'HIGH',
      lifespan: 'MULTI_YEAR',
      versionStrategy: 'VERSIONED',
      confidence: 0.7,
    });
  });

  it('refuses a category, enum or confidence outside the lists', () => {
    const bad: Array<Partial<AssistedEnrichment>> = [
      { category: 'Workflow Engines' },
      { nature: 'GADGET' },
      { volatility: 'EXTREME' },
      { lifespan: 'FOREVER' },
      { versionStrategy: 'SOMETIMES' },
      { confidence: 1.5 },
      { confidence: Number.NaN },
    ];
    for (const change of bad) assert.equal(checkEnrichment('Temporal', { ...GOOD, ...change }, categories), null, JSON.stringify(change));
  });
});

describe('mergePostingAssist: enrichment of new skills', () => {
  const description =
    'Backend Engineer\n\nRequirements\n- Familiarity with Temporal workflows\n- Experience with Windmill scripts\n- Python';
  const outcome = parseJobDescription({ description });
  assert.ok(outcome.ok);
  const skill = (
    name: string,
    evidence: string,
    enrichment: AssistedEnrichment | null,
    catalogSlug: string | null = null,
  ): AssistedSkill => ({
    name,
    catalogSlug,
    evidence,
    requirement: 'required',
    enrichment,
  });
  const merged = mergePostingAssist({
    offline: outcome.parsed,
    answer: {
      fields: noPostingFields(),
      skills: [
        skill('Temporal', 'Familiarity with Temporal workflows', GOOD),
        skill('Windmill', 'Experience with Windmill scripts', { ...GOOD, nature: 'GADGET' }),
        // A catalog skill is not new: whatever enrichment comes with it is ignored, not counted.
        skill('Python', 'Python', GOOD, 'python'),
        // Ungrounded: dropped before its enrichment is looked at.
        skill('Camunda', 'Camunda BPMN engines', GOOD),
      ],
    },
    mode: 'hybrid',
    postingTitle: null,
    description,
    sections: outcome.parsed.sections,
    catalog,
    mentions: [],
    candidatePhrases: [],
  });

  it('keeps the valid enrichment of a new grounded skill for the reviewer', () => {
    assert.deepEqual(
      merged.summary.skillEnrichments?.map((enrichment) => [enrichment.skill, enrichment.category, enrichment.nature]),
      [['Temporal', 'Backend Development', 'TOOL']],
    );
  });

  it('drops and counts an enrichment with a value outside the lists, and keeps its skill', () => {
    assert.equal(merged.summary.enrichmentsDropped, 1);
    assert.ok(merged.candidatePhrases.some((phrase) => phrase.text === 'Windmill'));
    assert.equal(merged.summary.ungroundedSkillsDropped, 1);
  });
});
