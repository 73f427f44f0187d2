import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ImportBatch, ImportedRole, ImportedSkill } from '../import-batch';
import { slugify } from '../naming/naming';
import { planMerge, type MergeContext } from './merge-plan';

function importedSkill(externalId: string, name: string, aliases: string[] = []): ImportedSkill {
  return {
    externalId,
    slug: slugify(name),
    name,
    category: 'Imported',
    subCategory: null,
    nature: 'TOOL',
    volatility: 'MEDIUM',
    lifespan: 'EVERGREEN',
    versionStrategy: 'NOT_APPLICABLE',
    aliases: [name, ...aliases].map((text, index) => ({
      text,
      type: index === 0 ? 'canonical' : 'synonym',
      match: 'case_insensitive',
      context: [],
    })),
  };
}

function importedRole(externalId: string, name: string, aliases: string[]): ImportedRole {
  return { externalId, code: '2512', slug: slugify(name), name, domain: 'software-engineering', description: '', aliases, kras: [] };
}

function batchOf(skills: ImportedSkill[], roles: ImportedRole[] = []): ImportBatch {
  return {
    source: 'esco',
    release: '1',
    skills,
    roles,
    roleSkillLinks: [],
    domains: [],
    problems: [],
    droppedAliases: { short: 0, numeric: 0, generic: 0 },
  };
}

function authoredContext(): MergeContext {
  return {
    skills: [
      { id: 1, slug: 'python', name: 'Python', aliasKeys: ['cpython'] },
      { id: 2, slug: 'apache-kafka', name: 'Apache Kafka', aliasKeys: ['kafka'] },
      { id: 3, slug: 'excel', name: 'Excel', aliasKeys: ['msexcel', 'spreadsheets'] },
      { id: 4, slug: 'google-sheets', name: 'Google Sheets', aliasKeys: ['spreadsheets'] },
    ],
    roles: [{ id: 10, slug: 'software-engineer', name: 'Software Engineer', aliasKeys: ['softwaredeveloper', 'programmer'] }],
    previous: [],
    takenSkillSlugs: new Set(['python', 'apache-kafka', 'excel', 'google-sheets', 'haskell']),
    takenRoleSlugs: new Set(['software-engineer']),
  };
}

describe('planMerge', () => {
  it('merges the same concept into the authored entry: name = name, name = alias, alias = name', () => {
    const plan = planMerge(
      batchOf([
        importedSkill('k', 'Apache Kafka'),
        importedSkill('x', 'MS Excel', ['Excel spreadsheets']),
        importedSkill('p', 'Python (computer programming)', ['Python', 'Python programming']),
      ]),
      authoredContext(),
    );
    assert.deepEqual(
      plan.skills.map((skill) => [skill.entry.externalId, skill.target, skill.status]),
      [
        ['k', { id: 2, slug: 'apache-kafka', merged: true }, 'added'],
        ['x', { id: 3, slug: 'excel', merged: true }, 'added'],
        ['p', { id: 1, slug: 'python', merged: true }, 'added'],
      ],
    );
    // Only what the authored entry lacks is added, and the imported name becomes a synonym.
    const python = plan.skills[2];
    assert.deepEqual(
      python.aliases.map((alias) => [alias.text, alias.type]),
      [
        ['Python (computer programming)', 'synonym'],
        ['Python programming', 'synonym'],
      ],
    );
    assert.deepEqual(plan.skills[0].aliases, []);
  });

  it('keeps an ambiguous match apart, and lets each authored entry absorb one entry of a release', () => {
    const plan = planMerge(
      batchOf([importedSkill('s', 'spreadsheets'), importedSkill('a', 'Kafka'), importedSkill('b', 'Apache Kafka')]),
      authoredContext(),
    );
    const targets = Object.fromEntries(plan.skills.map((skill) => [skill.entry.externalId, skill.target]));
    assert.deepEqual(targets.s, { id: null, slug: 'spreadsheets', merged: false });
    // "Apache Kafka" (name = name) is decided before "Kafka" (name = alias) and takes the authored entry.
    assert.deepEqual(targets.b, { id: 2, slug: 'apache-kafka', merged: true });
    assert.deepEqual(targets.a, { id: null, slug: 'kafka', merged: false });
    // A new entry never answers to an alias the authored catalog already gives another skill.
    assert.deepEqual(plan.skills[0].aliases, []);
    assert.deepEqual(plan.skills[1].aliases, []);
    assert.equal(plan.collidingAliasesSkipped, 2);
  });

  it('gives new entries their plain slug, or a source-prefixed one when it is taken', () => {
    const plan = planMerge(
      batchOf([importedSkill('h', 'Haskell'), importedSkill('h2', 'haskell!'), importedSkill('e', 'Erlang')]),
      authoredContext(),
    );
    assert.deepEqual(
      plan.skills.map((skill) => skill.target.slug),
      ['esco-haskell', 'esco-haskell-2', 'erlang'],
    );
  });

  it('merges roles by title and adds the imported name as a title', () => {
    const plan = planMerge(
      batchOf([], [importedRole('r', 'Software Developer', ['application developer', 'programmer'])]),
      authoredContext(),
    );
    assert.deepEqual(plan.roles[0].target, { id: 10, slug: 'software-engineer', merged: true });
    assert.deepEqual(plan.roles[0].aliases, ['application developer']);
  });

  it('gives an authored role to the occupation sharing most of its titles, not to the first that names one', () => {
    const context = authoredContext();
    context.roles = [
      {
        id: 10,
        slug: 'software-engineer',
        name: 'Software Engineer',
        aliasKeys: ['softwaredeveloper', 'programmer', 'applicationdeveloper', 'blockchaindeveloper'],
      },
    ];
    // As in ESCO: "blockchain developer" comes first and its name is one of Software Engineer's many titles.
    const plan = planMerge(
      batchOf(
        [],
        [
          importedRole('b', 'blockchain developer', ['DLT specialist', 'blockchain engineer']),
          importedRole('s', 'software developer', ['programmer', 'application developer', 'software engineer', 'solutions developer']),
        ],
      ),
      context,
    );
    const targets = Object.fromEntries(plan.roles.map((role) => [role.entry.externalId, role.target]));
    assert.deepEqual(targets.s, { id: 10, slug: 'software-engineer', merged: true });
    assert.deepEqual(targets.b, { id: null, slug: 'blockchain-developer', merged: false });
    // Software Engineer learns no blockchain titles; the occupation of its own keeps them.
    assert.deepEqual(plan.roles[1].aliases, ['solutions developer']);
    assert.deepEqual(plan.roles[0].aliases, ['DLT specialist', 'blockchain engineer']);
  });

  it('gives a title shared by two occupations to only one of the authored roles they merge into', () => {
    const context = authoredContext();
    context.roles.push({ id: 11, slug: 'full-stack-engineer', name: 'Full Stack Engineer', aliasKeys: ['fullstackdeveloper'] });
    const plan = planMerge(
      batchOf(
        [],
        [
          importedRole('s', 'Software Developer', ['jQuery Developer', 'systems programmer']),
          importedRole('w', 'Full Stack Developer', ['jQuery Developer', 'web developer']),
        ],
      ),
      context,
    );
    assert.deepEqual(
      plan.roles.map((role) => [role.target.slug, role.aliases]),
      [
        ['software-engineer', ['jQuery Developer', 'systems programmer']],
        ['full-stack-engineer', ['web developer']],
      ],
    );
    assert.equal(plan.collidingAliasesSkipped, 1);
  });

  it('lets new entries of a release share a title with each other', () => {
    const plan = planMerge(
      batchOf([], [importedRole('a', 'Art Director', ['creative lead']), importedRole('c', 'Creative Director', ['creative lead'])]),
      authoredContext(),
    );
    assert.deepEqual(
      plan.roles.map((role) => role.aliases),
      [['creative lead'], ['creative lead']],
    );
  });

  it('keeps earlier targets, reports unchanged and changed entries by content, and retires what the release dropped', () => {
    const first = planMerge(batchOf([importedSkill('e', 'Erlang'), importedSkill('k', 'Apache Kafka')]), authoredContext());
    const context: MergeContext = {
      ...authoredContext(),
      takenSkillSlugs: new Set([...authoredContext().takenSkillSlugs, 'erlang', 'gone']),
      previous: [
        ...first.skills.map((skill) => ({
          kind: 'skill' as const,
          externalId: skill.entry.externalId,
          targetId: skill.target.id ?? 99,
          targetSlug: skill.target.slug,
          merged: skill.target.merged,
          contentHash: skill.contentHash,
          retired: false,
        })),
        { kind: 'skill', externalId: 'gone', targetId: 98, targetSlug: 'gone', merged: false, contentHash: 'x', retired: false },
        { kind: 'skill', externalId: 'long-gone', targetId: 97, targetSlug: 'long-gone', merged: false, contentHash: 'x', retired: true },
      ],
    };
    const again = planMerge(batchOf([importedSkill('e', 'Erlang'), importedSkill('k', 'Apache Kafka', ['Kafka Streams'])]), context);
    assert.deepEqual(
      again.skills.map((skill) => [skill.entry.externalId, skill.status, skill.target]),
      [
        ['e', 'unchanged', { id: 99, slug: 'erlang', merged: false }],
        ['k', 'changed', { id: 2, slug: 'apache-kafka', merged: true }],
      ],
    );
    assert.deepEqual(
      again.retired.map((entry) => entry.externalId),
      ['gone'],
    );
  });
});
