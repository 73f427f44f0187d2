import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Catalog, CatalogSkill, SkillAlias } from '@jdpipe/catalog';

import { singleSectionLayout } from '../fixtures/fixture-catalog';
import { tokenize } from '../tokens/text-tokens';
import { AliasWordFrequency, COMMON_WORD_SKILL_COUNT, requiredContext } from './common-word-aliases';
import { SkillMatcher } from './skill-matcher';

function alias(text: string, type: SkillAlias['type'] = 'synonym', match: SkillAlias['match'] = 'case_insensitive'): SkillAlias {
  return { text, type, match, context: [] };
}

function skill(slug: string, name: string, synonyms: SkillAlias[]): CatalogSkill {
  return {
    slug,
    name,
    category: 'Imported',
    subCategory: null,
    nature: 'PRACTICE',
    volatility: 'LOW',
    lifespan: 'EVERGREEN',
    versionStrategy: 'NOT_APPLICABLE',
    aliases: [alias(name, 'canonical'), ...synonyms],
    dimensions: [],
  };
}

/** A taxonomy-like catalog: "standards", "professional" and "services" are in the labels of many skills. */
function taxonomy(): CatalogSkill[] {
  const filler = Array.from({ length: COMMON_WORD_SKILL_COUNT }, (_, index) =>
    skill(`filler-${index}`, `apply standards ${index}`, [alias(`professional services rule ${index}`)]),
  );
  return [
    skill('scaffolding-components', 'scaffolding components', [alias('standards')]),
    skill('maintain-customer-service', 'maintain customer service', [alias('professional services')]),
    skill('apply-standards', 'apply standards', [alias('standards')]),
    skill('apache-kafka', 'Apache Kafka', [alias('Kafka')]),
    skill('quality-standards', 'quality standards', [alias('STANDARDS', 'synonym', 'case_sensitive')]),
    ...filler,
  ];
}

describe('requiredContext', () => {
  const skills = taxonomy();
  const frequency = new AliasWordFrequency(
    skills.map((owner) => owner.aliases.map((candidate) => tokenize(candidate.text).map((token) => token.key))),
  );
  const contextOf = (slug: string, text: string) => {
    const owner = skills.find((candidate) => candidate.slug === slug)!;
    const words = tokenize(text).map((token) => token.key);
    return requiredContext(
      owner,
      owner.aliases.find((candidate) => candidate.text === text)!,
      words,
      frequency,
    );
  };

  it('asks a common-word label for a distinctive word of the skill name', () => {
    assert.ok(frequency.isCommon('standards'));
    assert.deepEqual(contextOf('scaffolding-components', 'standards'), ['scaffolding', 'components']);
    assert.deepEqual(contextOf('maintain-customer-service', 'professional services'), ['maintain', 'customer', 'service']);
  });

  it('leaves out a common-word label when the name has no distinctive word', () => {
    assert.equal(contextOf('apply-standards', 'standards'), null);
  });

  it('keeps canonical names, rare words and case-bound aliases as the catalog gives them', () => {
    assert.deepEqual(contextOf('scaffolding-components', 'scaffolding components'), []);
    assert.deepEqual(contextOf('apache-kafka', 'Kafka'), []);
    assert.deepEqual(contextOf('quality-standards', 'STANDARDS'), []);
  });
});

describe('requiredContext for imported skills named as a verb and its object', () => {
  // Every word of these labels is common: each is in the labels of enough other skills.
  const filler = Array.from({ length: COMMON_WORD_SKILL_COUNT }, (_, index) =>
    skill(`filler-${index}`, `rule ${index}`, [
      alias(`technical teams quality control risk assessment business process engineering support students ${index}`),
    ]),
  );
  const imported = (slug: string, name: string, synonym: string, nature: CatalogSkill['nature'] = 'PRACTICE'): CatalogSkill => ({
    ...skill(slug, name, [alias(synonym)]),
    nature,
    importedFrom: 'esco',
  });
  const skills = [
    imported('coordinate-technical-teams', 'coordinate technical teams in artistic productions', 'technical teams'),
    imported('oversee-quality-control', 'oversee quality control', 'quality control'),
    imported('draw-up-risk-assessment', 'draw up risk assessment', 'risk assessments'),
    imported('business-processes', 'business processes', 'business process', 'CONCEPT'),
    imported('coordinate-engineering-teams', 'coordinate engineering teams', 'engineering teams'),
    imported('counsel-students', 'counsel students', 'support students'),
    ...filler,
  ];
  const frequency = new AliasWordFrequency(
    skills.map((owner) => owner.aliases.map((candidate) => tokenize(candidate.text).map((token) => token.key))),
  );
  const contextOf = (slug: string) => {
    const owner = skills.find((candidate) => candidate.slug === slug)!;
    const synonym = owner.aliases[1];
    return requiredContext(
      owner,
      synonym,
      tokenize(synonym.text).map((token) => token.key),
      frequency,
    );
  };

  it('asks a label that leaves out part of the object for the part it leaves out', () => {
    assert.deepEqual(contextOf('coordinate-technical-teams'), ['coordinate', 'artistic', 'productions']);
  });

  it('keeps a label that only leaves out the verb, its particle or a plural ending', () => {
    assert.deepEqual(contextOf('oversee-quality-control'), []);
    assert.deepEqual(contextOf('draw-up-risk-assessment'), []);
  });

  it('asks a label that names only the people the skill acts on for the rest of the name', () => {
    assert.deepEqual(contextOf('coordinate-engineering-teams'), ['coordinate']);
    // With a verb of its own, the label still names an activity.
    assert.deepEqual(contextOf('counsel-students'), []);
  });

  it('keeps labels of knowledge, which is named without a verb', () => {
    assert.deepEqual(contextOf('business-processes'), []);
  });
});

describe('SkillMatcher with common-word labels', () => {
  const catalog: Catalog = { version: 1, skills: taxonomy(), dimensions: [], roles: [], domains: [] };
  const matcher = SkillMatcher.build(catalog);
  const found = (description: string) => {
    const { sections, sentences } = singleSectionLayout(description);
    return matcher.scan(description, sections, sentences).mentions.map((mention) => mention.skillSlug);
  };

  it('does not read an ordinary word as a specific skill', () => {
    assert.deepEqual(found('You will uphold our standards and deliver professional services.'), []);
  });

  it('reads it as the skill when the posting names the skill too', () => {
    assert.deepEqual(found('Erect scaffolding and check it against the standards.'), ['scaffolding-components']);
    assert.deepEqual(found('Kafka and Apache Kafka'), ['apache-kafka', 'apache-kafka']);
  });
});
