import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CatalogIndex, loadSeedCatalog, type CatalogRole } from '@jdpipe/catalog';

import { generatedCatalog, generatedSentences, phrase, seededRandom, VOCABULARY } from '../spec-fixtures/generated-catalog';
import { RoleMatcher, type RoleMatchInput } from './role-matcher';

/** Postings made of a role's own titles, KRAs and skills, blurred with another role's and with dropped words. */
function postingsFrom(roles: readonly CatalogRole[], seed: number, count: number): RoleMatchInput[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const some = <T>(items: readonly T[], most: number): T[] => items.filter(() => random() < most / Math.max(1, items.length));
  const blur = (sentence: string) =>
    sentence
      .split(' ')
      .filter(() => random() > 0.25)
      .join(' ');
  return Array.from({ length: count }, (_, index) => {
    const main = pick(roles)!;
    const other = pick(roles)!;
    const titleSource = random() < 0.8 ? main : other;
    // One in five postings has no title and no duties: skills, the domain or nothing must decide.
    const bare = random() < 0.2;
    const titleChoice = random();
    const title =
      bare || titleChoice < 0.15
        ? null
        : titleChoice < 0.7
          ? (pick([titleSource.name, ...titleSource.aliases]) ?? null)
          : `Senior ${main.name} ${index}`;
    const duties = bare ? [] : [...some(main.kras, 4), ...some(other.kras, 2)].map((kra) => (random() < 0.5 ? blur(kra) : kra));
    const skills = bare && random() < 0.5 ? [] : [...some(main.coreSkills, 5), ...some(other.coreSkills, 2)];
    const onlyRequirements = random() < 0.1;
    return {
      title,
      roleAliases: random() < 0.2 ? [pick([other.name, ...other.aliases])!] : [],
      responsibilitySentences: onlyRequirements ? [] : duties,
      requirementSentences: onlyRequirements ? duties : [],
      skillSlugs: skills,
      text: [title ?? '', ...duties, random() < 0.5 ? main.description : ''].join('\n'),
    };
  });
}

function assertSameDecisions(catalog: CatalogIndex, postings: RoleMatchInput[]): void {
  const pruned = RoleMatcher.build(catalog);
  const exhaustive = RoleMatcher.build(catalog, { exhaustive: true });
  const cases = new Set<string>();
  for (const posting of postings) {
    const decision = pruned.match(posting);
    assert.deepEqual(decision, exhaustive.match(posting), `posting titled "${posting.title}"`);
    cases.add(decision.role?.case ?? 'none');
  }
  // The postings must reach more than one branch of the policy for the comparison to mean much.
  assert.ok(cases.size >= 3, `only cases ${[...cases].join(', ')}`);
}

describe('RoleMatcher with candidate pruning', () => {
  it('decides exactly as scoring every role: case, confidence, runners-up, recorded candidates, proposals (seed catalog)', () => {
    const seed = loadSeedCatalog();
    assertSameDecisions(new CatalogIndex(seed.catalog), postingsFrom(seed.catalog.roles, 31, 150));
  });

  it('decides exactly as scoring every role on a generated library with skills and domains', () => {
    const random = seededRandom(77);
    const skills = VOCABULARY.map((word) => `skill-${word}`);
    const roles = generatedCatalog(76, 300).map((role) => ({
      ...role,
      domain: `domain-${Math.floor(random() * 6)}`,
      coreSkills: skills.filter(() => random() < 0.1),
    }));
    const domains = Array.from({ length: 6 }, (_, index) => ({
      slug: `domain-${index}`,
      name: `Domain ${index}`,
      keywords: [VOCABULARY[index * 3], VOCABULARY[index * 3 + 1]],
    }));
    const catalog = new CatalogIndex({ version: 1, skills: [], dimensions: [], roles, domains });
    const noisy = generatedSentences(78, 40).map((sentence) => ({
      title: phrase(random, VOCABULARY, 1, 3),
      roleAliases: [],
      responsibilitySentences: [sentence],
      requirementSentences: [],
      skillSlugs: [],
      text: sentence,
    }));
    assertSameDecisions(catalog, [...postingsFrom(roles, 79, 120), ...noisy]);
  });
});
