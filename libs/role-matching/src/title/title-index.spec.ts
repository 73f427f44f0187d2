import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { type CatalogRole } from '@jdpipe/catalog';

import { TitleIndex } from './title-index';
import { labelTerms, titleReadings, titleTerms } from './title-terms';

function occupation(slug: string, name: string, aliases: string[] = []): CatalogRole {
  return { slug, name, domain: 'test', description: '', aliases, kras: [], coreSkills: [], dimensions: [] };
}

/** Occupations shaped like ESCO entries: a preferred label and alternative labels, some sharing words. */
const ROLES: CatalogRole[] = [
  occupation('software-developer', 'software developer', ['application developer', 'software engineer', 'programmer']),
  occupation('web-developer', 'web developer', ['website developer', 'web designer and developer']),
  occupation('marketing-manager', 'marketing manager', ['head of marketing', 'marketing director']),
  occupation('marketing-assistant', 'marketing assistant', ['marketing executive', 'marketing coordinator']),
  occupation('sales-assistant', 'sales assistant', ['shop assistant', 'retail sales assistant']),
  occupation('accounting-assistant', 'accounting assistant', ['assistant accountant', 'accounts clerk']),
  occupation('human-resources-officer', 'human resources officer', ['personnel officer']),
  occupation('civil-engineer', 'civil engineer', ['structural engineer']),
  occupation('3d-animator', '3D animator', ['3D animation artist']),
  occupation('road-supervisor', 'road construction supervisor', ['supervisor, highways']),
  occupation('executive-vice-president', 'chief operating officer', ['executive vice-president']),
  occupation('building-maintenance-worker', 'building maintenance worker', ['maintenance handyman']),
];

const index = TitleIndex.build(ROLES);
const topSlug = (title: string) => index.rank(title, 1)[0]?.roleSlug;

describe('TitleIndex', () => {
  it('finds a role by its exact name or alias, whatever the casing', () => {
    assert.equal(topSlug('SOFTWARE DEVELOPER'), 'software-developer');
    assert.equal(topSlug('Personnel Officer'), 'human-resources-officer');
    assert.equal(index.rank('Personnel Officer', 1)[0]?.matchedLabel, 'personnel officer');
  });

  it('expands the abbreviations of vacancy titles', () => {
    assert.equal(topSlug('Mktg Mgr'), 'marketing-manager');
    assert.equal(topSlug('Software Eng'), 'software-developer');
    assert.equal(topSlug('HR Officer'), 'human-resources-officer');
    assert.equal(topSlug('Accts Clerk'), 'accounting-assistant');
  });

  it('ignores word order and plural endings', () => {
    assert.equal(topSlug('Developer, Web'), 'web-developer');
    assert.equal(topSlug('Assistant Sales'), 'sales-assistant');
    assert.equal(topSlug('Civil Engineers'), 'civil-engineer');
    assert.equal(topSlug('Developers Web'), 'web-developer');
  });

  it('drops seniority, level codes, brackets and a location', () => {
    assert.equal(topSlug('Sr. Web Developer (Remote) - Pune'), 'web-developer');
    assert.equal(topSlug('Junior Accounting Assistant L2'), 'accounting-assistant');
    assert.equal(topSlug('Trainee Marketing Executive'), 'marketing-assistant');
  });

  it('reads the job from a later part of the title when the first part names none', () => {
    assert.equal(topSlug('Contract - Marketing Assistant'), 'marketing-assistant');
  });

  it('forgives a one-letter typo in a long word but not in a short one', () => {
    assert.equal(topSlug('Maintainance Handyman'), 'building-maintenance-worker');
    assert.equal(topSlug('Acounting Assistant'), 'accounting-assistant');
    assert.deepEqual(index.rank('wab', 5), []);
  });

  it('prefers the label the title covers fully over one that only shares a word', () => {
    const ranked = index.rank('Retail Sales Assistant', 3).map((candidate) => candidate.roleSlug);
    assert.equal(ranked[0], 'sales-assistant');
    assert.ok(!ranked.slice(0, 1).includes('accounting-assistant'));
  });

  it('keeps "3D" as part of a job name instead of reading it as a level', () => {
    assert.equal(topSlug('3D Artist'), '3d-animator');
  });

  it('ranks distinct roles best first with scores in 0..1, up to the limit', () => {
    const ranked = index.rank('marketing', 5);
    assert.equal(new Set(ranked.map((candidate) => candidate.roleSlug)).size, ranked.length);
    assert.ok(ranked.length >= 2 && ranked.length <= 5);
    for (let position = 1; position < ranked.length; position++) assert.ok(ranked[position - 1]!.score >= ranked[position]!.score);
    for (const candidate of ranked) assert.ok(candidate.score > 0 && candidate.score <= 1);
  });

  it('returns nothing for a title with no word in the library', () => {
    assert.deepEqual(index.rank('Astronaut', 5), []);
    assert.deepEqual(index.rank('', 5), []);
  });
});

describe('title terms', () => {
  it('keeps the qualifier after a comma and the rank words of a library label', () => {
    assert.deepEqual(new Set(labelTerms('supervisor, highways')), new Set(titleTerms('Highways Supervisor')));
    assert.equal(labelTerms('executive vice-president').length, 3);
    // A title loses its seniority, a label keeps it: "head of marketing" is not every marketing job.
    assert.deepEqual(titleTerms('Head of Marketing'), titleTerms('Marketing'));
    assert.deepEqual(labelTerms('head of marketing'), [...titleTerms('Head'), ...titleTerms('Marketing')]);
  });

  it('reads a title as a whole and by its parts', () => {
    const readings = titleReadings('Contract - Marketing Assistant');
    assert.deepEqual(readings[0], titleTerms('Contract'));
    assert.ok(readings.some((reading) => reading.join(' ') === titleTerms('Marketing Assistant').join(' ')));
  });
});
