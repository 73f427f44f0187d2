import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CatalogIndex } from '@jdpipe/catalog';
import type { SectionKind } from '@jdpipe/jd-parsing';

import { fixtureCatalog, layoutOf } from '../fixtures/fixture-catalog';
import { SkillMatcher } from '../matching/skill-matcher';
import { resolveSkills, slugOf, type ResolvedSkills } from './resolve-skills';

const catalog = fixtureCatalog();
const index = new CatalogIndex(catalog);
const matcher = SkillMatcher.build(catalog);

const POSTING = [
  'We build backend services.',
  'Responsibilities: Write Python services. Participate in code reviews. Review Python code daily.',
  'Requirements: Experience with Agile. Familiarity with Jira.',
  'Nice to have: React and Terraform experience. Exposure to Python tooling.',
].join('\n');

function resolve(chosenRoleSlug: string | null, title: string | null = null, description = POSTING): ResolvedSkills {
  const starts: Array<{ start: number; kind: SectionKind }> = [
    { start: 0, kind: 'company' },
    { start: description.indexOf('Responsibilities'), kind: 'responsibilities' },
    { start: description.indexOf('Requirements'), kind: 'requirements' },
    { start: description.indexOf('Nice to have'), kind: 'nice_to_have' },
  ];
  const { sections, sentences } = layoutOf(
    description,
    starts.filter((section) => section.start >= 0),
  );
  const scan = matcher.scan(description, sections, sentences);
  return resolveSkills({ scan, description, sections, catalog: index, chosenRoleSlug, title });
}

describe('resolveSkills: in-catalog skills', () => {
  it('merges every mention of a skill into one skill with all its evidence', () => {
    const python = resolve('software-engineer').skills.find((skill) => skill.slug === 'python');
    assert.ok(python);
    assert.equal(python.evidence.length, 3);
    assert.deepEqual(
      python.evidence.map((item) => item.section),
      ['responsibilities', 'responsibilities', 'nice_to_have'],
    );
    for (const item of python.evidence) assert.equal(POSTING.slice(item.start, item.end), item.text);
  });

  it('takes name, category and nature from the catalog and says how it matched', () => {
    const { skills } = resolve(null);
    const codeReview = skills.find((skill) => skill.slug === 'code-review');
    assert.deepEqual(
      codeReview && {
        name: codeReview.name,
        status: codeReview.status,
        matchedVia: codeReview.matchedVia,
        category: codeReview.category,
        nature: codeReview.nature,
      },
      { name: 'Code Review', status: 'in_catalog', matchedVia: 'canonical', category: 'Software Engineering', nature: 'PRACTICE' },
    );
    const viaAbbreviation = resolve(null, null, 'Requirements: JS and ML.').skills.map((skill) => [skill.slug, skill.matchedVia]);
    assert.deepEqual(viaAbbreviation, [
      ['javascript', 'abbreviation'],
      ['machine-learning', 'abbreviation'],
    ]);
    assert.deepEqual(
      resolve(null, null, 'Requirements: Golang.').skills.map((skill) => skill.matchedVia),
      ['alias'],
    );
  });

  it('is required when any mention is required, preferred only when all are', () => {
    const { skills } = resolve(null);
    assert.equal(skills.find((skill) => skill.slug === 'python')?.requirement, 'required');
    assert.equal(skills.find((skill) => skill.slug === 'react')?.requirement, 'preferred');
  });

  it('links every catalog dimension and flags the ones under the chosen role', () => {
    const codeReview = resolve('software-engineer').skills.find((skill) => skill.slug === 'code-review');
    assert.deepEqual(codeReview?.dimensions, [
      { slug: 'software-engineering-practices', displayName: 'Software Engineering Practices', underChosenRole: true },
      { slug: 'react-frontend-development', displayName: 'React Frontend Development', underChosenRole: false },
    ]);
    const withoutRole = resolve(null).skills.find((skill) => skill.slug === 'code-review');
    assert.ok(withoutRole?.dimensions.every((dimension) => !dimension.underChosenRole));
  });
});

describe('resolveSkills: primary skills', () => {
  it('marks core skills of the chosen role primary', () => {
    const primary = (role: string | null): string[] =>
      resolve(role)
        .skills.filter((skill) => skill.primary)
        .map((skill) => skill.slug);
    assert.deepEqual(primary('software-engineer').sort(), ['agile', 'code-review', 'python']);
  });

  it('marks a skill primary when mentioned more than once with a mention in requirements or responsibilities', () => {
    const primary = resolve(null)
      .skills.filter((skill) => skill.primary)
      .map((skill) => skill.slug);
    assert.deepEqual(primary, ['python']);
  });

  it('marks a skill named in the title primary', () => {
    const react = resolve(null, 'Senior React Engineer').skills.find((skill) => skill.slug === 'react');
    assert.equal(react?.primary, true);
  });
});

describe('resolveSkills: skills named only about the employer', () => {
  const description = [
    'About us: a team built on teamwork, where Python runs everything.',
    'Responsibilities: Write Java services. Review Java code daily.',
    'Benefits: Scrum coaching and teamwork offsites.',
  ].join('\n');
  const sectionsAt = (text: string, withRequirements = false): Array<{ start: number; kind: SectionKind }> => [
    { start: 0, kind: 'company' },
    { start: text.indexOf('Responsibilities'), kind: 'responsibilities' },
    ...(withRequirements ? [{ start: text.indexOf('Requirements'), kind: 'requirements' as const }] : []),
    { start: text.indexOf('Benefits'), kind: 'benefits' },
  ];
  const resolveWith = (text: string, starts: Array<{ start: number; kind: SectionKind }>): ResolvedSkills => {
    const { sections, sentences } = layoutOf(text, starts);
    return resolveSkills({
      scan: matcher.scan(text, sections, sentences),
      description: text,
      sections,
      catalog: index,
      chosenRoleSlug: 'software-engineer',
    });
  };

  it('makes a soft skill mentioned only in company and benefits text preferred and not primary', () => {
    const teamwork = resolveWith(description, sectionsAt(description)).skills.find((skill) => skill.slug === 'teamwork');
    assert.deepEqual(teamwork && [teamwork.requirement, teamwork.primary, teamwork.evidence.map((item) => item.section)], [
      'preferred',
      false,
      ['company', 'benefits'],
    ]);
  });

  it('does not make a core skill of the role primary when only the company blurb names it', () => {
    const { skills } = resolveWith(description, sectionsAt(description));
    const python = skills.find((skill) => skill.slug === 'python');
    const java = skills.find((skill) => skill.slug === 'java');
    assert.deepEqual(python && [python.requirement, python.primary], ['preferred', false]);
    assert.deepEqual(java && [java.requirement, java.primary], ['required', true]);
  });

  it('still requires a skill that the requirements name as well', () => {
    const text = description.replace('Benefits:', 'Requirements: Python and teamwork.\nBenefits:');
    const { skills } = resolveWith(text, sectionsAt(text, true));
    const teamwork = skills.find((skill) => skill.slug === 'teamwork');
    const python = skills.find((skill) => skill.slug === 'python');
    assert.deepEqual(teamwork && [teamwork.requirement, teamwork.primary], ['required', true]);
    assert.deepEqual(python && [python.requirement, python.primary], ['required', true]);
  });
});

describe('resolveSkills: ordering', () => {
  it('sorts required before preferred, primary first, then by first occurrence', () => {
    const order = resolve('software-engineer').skills.map((skill) => `${skill.requirement}:${skill.primary ? 'P' : '-'}:${skill.slug}`);
    assert.deepEqual(order, [
      'required:P:python',
      'required:P:code-review',
      'required:P:agile',
      'required:-:jira',
      'preferred:-:react',
      'preferred:-:terraform',
    ]);
  });
});

describe('resolveSkills: proposals', () => {
  it('turns each leftover phrase into a proposed skill and a pending proposal for the chosen role', () => {
    const { skills, proposals } = resolve('software-engineer');
    const jira = skills.find((skill) => skill.slug === 'jira');
    assert.deepEqual(jira && { ...jira, evidence: jira.evidence.map((item) => item.text) }, {
      name: 'Jira',
      slug: 'jira',
      status: 'proposed',
      matchedVia: 'phrase',
      category: null,
      nature: null,
      primary: false,
      requirement: 'required',
      dimensions: [],
      evidence: ['Jira'],
    });
    assert.deepEqual(proposals, [
      { kind: 'skill', value: 'Jira', status: 'pending', target: 'software-engineer', evidence: 'Familiarity with Jira.' },
      {
        kind: 'skill',
        value: 'Terraform',
        status: 'pending',
        target: 'software-engineer',
        evidence: 'Nice to have: React and Terraform experience.',
      },
    ]);
  });

  it('does not propose a phrase already spelled as a catalog alias', () => {
    const { proposals } = resolve(null, null, 'Requirements: Experience with Swift.');
    assert.deepEqual(proposals, []);
  });

  it("reads an ambiguous alias as the chosen role's core skill", () => {
    const description = 'Requirements: Airflow.';
    const slugFor = (role: string): string[] => resolve(role, null, description).skills.map((skill) => skill.slug);
    assert.deepEqual(slugFor('hvac-technician'), ['airflow-management']);
    assert.deepEqual(slugFor('data-engineer'), ['apache-airflow']);
  });
});

describe('slugOf', () => {
  it('makes kebab-case slugs that keep symbols meaningful', () => {
    assert.equal(slugOf('Next.js'), 'next-js');
    assert.equal(slugOf('C++ Builder'), 'c-plus-plus-builder');
    assert.equal(slugOf('F#'), 'f-sharp');
    assert.equal(slugOf('  Supply chain planning '), 'supply-chain-planning');
    assert.equal(slugOf('Café Management'), 'cafe-management');
  });
});
