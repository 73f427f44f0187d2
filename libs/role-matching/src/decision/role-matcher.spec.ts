import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CatalogIndex } from '@jdpipe/catalog';

import { smallCatalog } from '../spec-fixtures/small-catalog';
import { RoleMatcher, type RoleMatchInput } from './role-matcher';

const matcher = RoleMatcher.build(smallCatalog());

function posting(overrides: Partial<RoleMatchInput>): RoleMatchInput {
  const input: RoleMatchInput = {
    title: null,
    roleAliases: [],
    responsibilitySentences: [],
    requirementSentences: [],
    skillSlugs: [],
    text: '',
    ...overrides,
  };
  if (!overrides.text) input.text = [input.title ?? '', ...input.responsibilitySentences, ...input.requirementSentences].join('\n');
  return input;
}

const BACKEND_DUTIES = [
  'Build and maintain REST APIs and server-side services in Python',
  'Design database schemas and optimise slow SQL queries',
  'Integrate third-party payment services and message queues',
  'Write integration tests and review code of other engineers',
];
const NURSING_DUTIES = [
  'Monitor vital signs of patients and record changes in their condition',
  'Administer prescribed medications and treatments on time',
  'Prepare nursing care plans for each patient on the ward',
  'Educate patients and their families before discharge',
];

describe('RoleMatcher cases', () => {
  it('ALIAS: an exact title alias that the content agrees with', () => {
    const decision = matcher.match(
      posting({
        title: 'Sr. Backend Developer - Pune',
        responsibilitySentences: BACKEND_DUTIES,
        skillSlugs: ['python', 'sql', 'rest-api', 'docker'],
      }),
    );
    assert.equal(decision.role?.slug, 'backend-engineer');
    assert.equal(decision.role?.case, 'ALIAS');
    assert.equal(decision.signals.normalisedTitle, 'backend developer');
    assert.deepEqual(decision.signals.aliasHits[0], {
      roleSlug: 'backend-engineer',
      alias: 'Backend Developer',
      matchedTitle: 'Sr. Backend Developer - Pune',
    });
    assert.ok(decision.role.confidence >= 0.75, `confidence ${decision.role.confidence}`);
    assert.match(
      decision.role.reasoning,
      /^Chose Backend Engineer \(ALIAS, 0\.\d\d\): title "Sr\. Backend Developer - Pune" normalises to "backend developer"/,
    );
    assert.match(decision.role.reasoning, /runner-up /);
  });

  it('ALIAS: a title named among the role aliases counts too', () => {
    const decision = matcher.match(posting({ title: 'Team Lead', roleAliases: ['Staff Nurse'], responsibilitySentences: NURSING_DUTIES }));
    assert.equal(decision.role?.slug, 'registered-nurse');
    assert.equal(decision.role?.case, 'ALIAS');
    assert.equal(decision.signals.aliasHits[0].matchedTitle, 'Staff Nurse');
  });

  it('ALIAS is overruled when the content strongly contradicts the title', () => {
    const decision = matcher.match(
      posting({
        title: 'Software Developer',
        responsibilitySentences: NURSING_DUTIES,
        skillSlugs: ['patient-care', 'medication-administration', 'bls', 'vital-signs-monitoring'],
      }),
    );
    assert.equal(decision.role?.slug, 'registered-nurse');
    assert.notEqual(decision.role?.case, 'ALIAS');
    assert.match(decision.role?.reasoning ?? '', /the title names Software Engineer .* contradict/);
    const clean = matcher.match(
      posting({
        title: 'Staff Nurse',
        responsibilitySentences: NURSING_DUTIES,
        skillSlugs: ['patient-care', 'medication-administration', 'bls'],
      }),
    );
    assert.ok((decision.role?.confidence ?? 1) < (clean.role?.confidence ?? 0), 'a contradicted title lowers confidence');
  });

  it('a partial title match scores below an exact one and points at the contained alias', () => {
    const decision = matcher.match(posting({ title: 'Python Backend Developer' }));
    const backend = decision.signals.candidates.find((candidate) => candidate.slug === 'backend-engineer');
    assert.ok(backend && backend.aliasScore > 0.5 && backend.aliasScore < 1, `alias score ${backend?.aliasScore}`);
    assert.equal(decision.role?.slug, 'backend-engineer');
  });

  it('KRA: responsibilities carry the decision when the title says nothing', () => {
    const decision = matcher.match(posting({ title: 'Associate - Ward 7', responsibilitySentences: NURSING_DUTIES }));
    assert.equal(decision.role?.slug, 'registered-nurse');
    assert.equal(decision.role?.case, 'KRA');
    const nurse = decision.signals.candidates[0];
    assert.equal(nurse.slug, 'registered-nurse');
    assert.ok(nurse.kraScore >= 0.25, `kra ${nurse.kraScore}`);
    assert.ok(nurse.kraMatches.length >= 3);
    assert.ok(nurse.kraMatches.every((match, index, all) => index === 0 || all[index - 1].similarity >= match.similarity));
    assert.match(decision.role?.reasoning ?? '', /\d of 4 responsibilities match its KRAs/);
  });

  it('SKILL: skill overlap carries the decision when there is nothing else', () => {
    const decision = matcher.match(
      posting({ skillSlugs: ['tally', 'gst', 'tds', 'bank-reconciliation', 'general-ledger'], text: 'Immediate joiners preferred.' }),
    );
    assert.equal(decision.role?.slug, 'accountant');
    assert.equal(decision.role?.case, 'SKILL');
    const accountant = decision.signals.candidates.find((candidate) => candidate.slug === 'accountant');
    assert.deepEqual(accountant?.skillOverlap.matched.slice().sort(), ['bank-reconciliation', 'general-ledger', 'gst', 'tally', 'tds']);
    assert.equal(accountant?.skillOverlap.coreCount, 9);
    assert.ok((decision.role?.confidence ?? 1) <= 0.8);
  });

  it('DOMAIN: only the domain is clear, so the best role of that domain is taken with low confidence', () => {
    const decision = matcher.match(
      posting({
        responsibilitySentences: ['Be punctual and well groomed'],
        text: 'Our school is hiring. Students, classroom, curriculum and learning matter to us. Teaching at our school is rewarding for students.',
      }),
    );
    assert.equal(decision.role?.case, 'DOMAIN');
    assert.equal(decision.role?.domain, 'education');
    assert.ok((decision.role?.confidence ?? 1) <= 0.5);
    assert.equal(decision.signals.domainScores[0].domain, 'education');
  });

  it('NEW: nothing passes, so a role named after the cleaned title is proposed', () => {
    const decision = matcher.match(
      posting({
        title: 'Senior Blockchain Evangelist - Remote',
        responsibilitySentences: ['Speak at community meetups about decentralised ledgers', 'Grow the token holder community on Discord'],
        skillSlugs: ['public-speaking'],
      }),
    );
    assert.equal(decision.role?.case, 'NEW');
    assert.equal(decision.role?.isNew, true);
    assert.equal(decision.role?.displayName, 'Blockchain Evangelist');
    assert.equal(decision.role?.slug, 'blockchain-evangelist');
    assert.deepEqual(
      decision.proposals.map(({ kind, value, target }) => ({ kind, value, target })),
      [{ kind: 'role', value: 'Blockchain Evangelist', target: null }],
    );
    assert.match(decision.role?.reasoning ?? '', /NEW/);
  });

  it('proposes responsibilities that match no KRA of the chosen role (at most 3)', () => {
    const decision = matcher.match(
      posting({
        title: 'Backend Developer',
        responsibilitySentences: [
          ...BACKEND_DUTIES,
          'Organise the quarterly hackathon and company offsite events',
          'Mentor interns through the summer internship programme cohort',
          'Translate marketing brochures into regional languages',
          'Coordinate office relocation logistics with facility vendors',
        ],
      }),
    );
    const kraProposals = decision.proposals.filter((proposal) => proposal.kind === 'kra');
    assert.equal(kraProposals.length, 3);
    assert.ok(kraProposals.every((proposal) => proposal.target === 'backend-engineer' && proposal.status === 'pending'));
    assert.ok(!kraProposals.some((proposal) => BACKEND_DUTIES.includes(proposal.value)));
  });

  it('records runners-up, candidates and a unit-length responsibility vector', () => {
    const decision = matcher.match(
      posting({ title: 'Backend Developer', responsibilitySentences: BACKEND_DUTIES, skillSlugs: ['python', 'sql'] }),
    );
    assert.ok(decision.runnersUp.length >= 3 && decision.runnersUp.length <= 5);
    assert.ok(!decision.runnersUp.some((runnerUp) => runnerUp.slug === decision.role?.slug));
    assert.ok(decision.runnersUp.every((runnerUp, index, all) => index === 0 || all[index - 1].score >= runnerUp.score));
    assert.ok(decision.signals.candidates.length <= 9);
    assert.equal(decision.kraVector.length, 256);
    const norm = Math.hypot(...decision.kraVector);
    assert.ok(Math.abs(norm - 1) < 0.01, `norm ${norm}`);
    const empty = matcher.match(posting({ title: 'Backend Developer' }));
    assert.ok(empty.kraVector.every((value) => value === 0));
  });

  it('gives generic words little weight: shared "support", "team", "work" do not make a match', () => {
    const generic = matcher.match(posting({ responsibilitySentences: ['Support the team and ensure work gets done'] }));
    const specific = matcher.match(posting({ responsibilitySentences: ['Perform bank reconciliations every month'] }));
    const bestGeneric = Math.max(0, ...generic.signals.candidates.map((candidate) => candidate.kraScore));
    const accountant = specific.signals.candidates.find((candidate) => candidate.slug === 'accountant');
    assert.ok(bestGeneric < 0.2, `generic sentence scored ${bestGeneric}`);
    assert.ok((accountant?.kraScore ?? 0) > 2 * bestGeneric, `specific ${accountant?.kraScore} vs generic ${bestGeneric}`);
  });

  it('returns no role for an empty library', () => {
    const empty = RoleMatcher.build(new CatalogIndex({ version: 0, skills: [], dimensions: [], roles: [], domains: [] }));
    const decision = empty.match(posting({ responsibilitySentences: BACKEND_DUTIES }));
    assert.equal(decision.role, null);
    assert.deepEqual(decision.runnersUp, []);
  });
});
