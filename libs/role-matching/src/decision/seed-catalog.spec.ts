import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { type CatalogSkill, CatalogIndex, loadSeedCatalog } from '@jdpipe/catalog';

import { RoleMatcher, type RoleMatchInput } from './role-matcher';

/** The library is authored in parallel; below this size a decision on it proves nothing. */
const MIN_ROLES = 50;

const seed = loadSeedCatalog();
const roleCount = seed.catalog.roles.length;
const skip =
  roleCount < MIN_ROLES
    ? `seed catalog has ${roleCount} roles (< ${MIN_ROLES}); integration checks skipped until the library is complete`
    : false;

// The posting of run 70c346cf, which the old system matched to mobile/front-end KRAs and then guessed by domain.
const RUN_PAGE_TEXT =
  '***CTC ₹512,498 - ₹848,243 Per Year based on experience**** The ideal candidate is a self-motivated and demonstrated team-player. ' +
  'You will be a developer responsible for the development of new software products and enhancements to existing products. ' +
  'You should excel in working with large-scale applications and frameworks and have outstanding communication and leadership skills. ' +
  'We are a Facebook Marketing Automation technology using Ai and Machine learning looking for exceptionally talented Senior Developers ' +
  'and Team Leads to join our team. The role offers excellent career prospects for the right candidates looking to work on Marketing ' +
  'automation and Artificial Intelligence. Responsibilities Writing clean, high-quality, high-performance, maintainable code Develop and ' +
  'support software including applications, database integration, interfaces, and new functionality enhancements Coordinate ' +
  'cross-functionally to insure project meets business objectives and compliance standards Support test and deployment of new products ' +
  "and features Participate in code reviews Have an interest in Artificial Intelligence and its applications Qualifications Bachelor's " +
  'degree in Computer Science (or related field) 3+ years of relevant work experience Expertise in Python Development Experience with ' +
  'Agile or Scrum software development methodologies Ability to multi-task, organize, and prioritize work ***CTC ₹512,498 - ₹848,243 Per Year****';
const RUN_PAGE_POSTING: RoleMatchInput = {
  title: 'Senior Developer',
  roleAliases: ['Team Lead'],
  responsibilitySentences: [
    'Writing clean, high-quality, high-performance, maintainable code',
    'Develop and support software including applications, database integration, interfaces, and new functionality enhancements',
    'Coordinate cross-functionally to insure project meets business objectives and compliance standards',
    'Support test and deployment of new products and features',
    'Participate in code reviews',
    'Have an interest in Artificial Intelligence and its applications',
  ],
  requirementSentences: [
    "Bachelor's degree in Computer Science (or related field)",
    '3+ years of relevant work experience',
    'Expertise in Python Development',
    'Experience with Agile or Scrum software development methodologies',
  ],
  skillSlugs: [
    'python',
    'agile',
    'scrum',
    'code-review',
    'database-integration',
    'artificial-intelligence',
    'machine-learning',
    'communication',
    'leadership',
  ],
  text: RUN_PAGE_TEXT,
};
const ACCEPTABLE_FOR_RUN_PAGE = ['backend-engineer', 'software-engineer', 'full-stack-engineer', 'python-developer'];

interface WrittenPosting {
  name: string;
  title: string;
  responsibilities: string[];
  requirements: string[];
  /** The role the titled posting must get. */
  expected: string;
  /** Roles acceptable when the title is withheld. */
  acceptableUntitled: string[];
  domain: string;
}

const WRITTEN_POSTINGS: WrittenPosting[] = [
  {
    name: 'nurse',
    title: 'Staff Nurse - ICU (Night Shifts)',
    responsibilities: [
      'Provide direct patient care to critically ill patients in the intensive care unit',
      'Monitor vital signs, ventilator settings and fluid balance and escalate changes to the duty doctor',
      'Administer medications, IV infusions and blood transfusions as per physician orders',
      'Maintain accurate nursing documentation and patient records in the hospital information system',
      'Follow infection control protocols and hand hygiene practices',
      'Educate patients and families on post-discharge care',
    ],
    requirements: [
      'B.Sc Nursing or GNM with valid nursing council registration',
      'BLS and ACLS certification preferred',
      '2+ years of ICU experience',
    ],
    expected: 'registered-nurse',
    acceptableUntitled: ['registered-nurse'],
    domain: 'healthcare',
  },
  {
    name: 'accountant',
    title: 'Accounts Executive',
    responsibilities: [
      'Record day-to-day transactions and pass journal entries in Tally',
      'Prepare bank reconciliation statements and reconcile vendor and customer ledgers',
      'Compute and file GST returns and TDS returns within due dates',
      'Assist in finalisation of accounts and preparation of the balance sheet and profit and loss statement',
      'Coordinate with statutory auditors during the annual audit',
    ],
    requirements: ['B.Com or M.Com', 'Working knowledge of Tally ERP and MS Excel', 'Knowledge of GST and TDS'],
    expected: 'accountant',
    acceptableUntitled: ['accountant', 'accounts-payable-specialist', 'tax-consultant'],
    domain: 'finance-accounting',
  },
  {
    name: 'teacher',
    title: 'Primary Teacher',
    responsibilities: [
      'Plan and deliver engaging lessons in English, Mathematics and EVS for grades 1 to 5',
      'Create a safe and positive classroom environment and manage student behaviour',
      'Assess student progress through class work, homework and periodic tests',
      'Prepare report cards and share feedback with parents at parent-teacher meetings',
      'Adapt teaching methods to support students with different learning needs',
    ],
    requirements: ['B.Ed with D.El.Ed or equivalent', 'CTET qualified preferred', 'Excellent communication in English'],
    expected: 'elementary-school-teacher',
    acceptableUntitled: ['elementary-school-teacher', 'secondary-school-teacher', 'special-education-teacher', 'tutor'],
    domain: 'education',
  },
  {
    name: 'sales',
    title: 'Sales Executive - Pune',
    responsibilities: [
      'Generate new leads through field visits, cold calling and references',
      'Meet retailers and distributors in the assigned territory and present our product range',
      'Achieve monthly sales targets and collections',
      'Negotiate pricing and close orders with new and existing customers',
      'Update daily sales reports and customer details in the CRM',
    ],
    requirements: [
      'Any graduate; MBA in marketing preferred',
      '1-3 years of field sales experience',
      'Own two-wheeler with a valid licence',
    ],
    expected: 'sales-executive',
    acceptableUntitled: [
      'sales-executive',
      'inside-sales-representative',
      'business-development-manager',
      'sales-manager',
      'account-manager',
    ],
    domain: 'sales',
  },
];

/** Stand-in for the skill stage: catalog skills whose name occurs in the text. */
function skillsNamedIn(text: string, skills: readonly CatalogSkill[]): string[] {
  const lower = ` ${text.toLowerCase().replace(/[^a-z0-9+#]+/g, ' ')} `;
  return skills
    .filter((skill) => {
      const name = skill.name
        .toLowerCase()
        .replace(/[^a-z0-9+#]+/g, ' ')
        .trim();
      return name.length > 2 && lower.includes(` ${name} `);
    })
    .map((skill) => skill.slug);
}

function toInput(posting: WrittenPosting, withTitle: boolean): RoleMatchInput {
  const text = [posting.title, 'Responsibilities', ...posting.responsibilities, 'Requirements', ...posting.requirements].join('\n');
  return {
    title: withTitle ? posting.title : null,
    roleAliases: [],
    responsibilitySentences: posting.responsibilities,
    requirementSentences: posting.requirements,
    skillSlugs: skillsNamedIn(text, seed.catalog.skills),
    text,
  };
}

describe('role matching on the seed catalog', { skip }, () => {
  const matcher = RoleMatcher.build(new CatalogIndex(seed.catalog));

  it('matches the run-page posting to a general software role, never mobile or front-end', (t) => {
    const decision = matcher.match(RUN_PAGE_POSTING);
    t.diagnostic(`run page → ${decision.role?.slug} (${decision.role?.case}, ${decision.role?.confidence}); ${decision.role?.reasoning}`);
    assert.ok(ACCEPTABLE_FOR_RUN_PAGE.includes(decision.role?.slug ?? ''), `chose ${decision.role?.slug}`);
    assert.equal(decision.role?.domain, 'software-engineering');
    const leadingDomains = decision.signals.candidates.slice(0, 3).map((candidate) => candidate.domain);
    assert.ok(!leadingDomains.includes('mobile'), `mobile roles among the top 3: ${leadingDomains.join(', ')}`);
    assert.ok(
      !['frontend-engineer', 'android-developer', 'ios-developer', 'react-native-developer', 'flutter-developer'].includes(
        decision.role?.slug ?? '',
      ),
    );
    // Without the title, the content alone must still land on a general software role.
    const untitled = matcher.match({ ...RUN_PAGE_POSTING, title: null, roleAliases: [] });
    t.diagnostic(`run page without title → ${untitled.role?.slug} (${untitled.role?.case}, ${untitled.role?.confidence})`);
    assert.ok(ACCEPTABLE_FOR_RUN_PAGE.includes(untitled.role?.slug ?? ''), `untitled chose ${untitled.role?.slug}`);
  });

  for (const posting of WRITTEN_POSTINGS) {
    const missing = seed.catalog.roles.some((role) => role.slug === posting.expected)
      ? false
      : `role ${posting.expected} is not in the seed catalog yet`;
    it(`matches the ${posting.name} posting, with and without its title`, { skip: missing }, (t) => {
      const titled = matcher.match(toInput(posting, true));
      t.diagnostic(`${posting.name} → ${titled.role?.slug} (${titled.role?.case}, ${titled.role?.confidence}); ${titled.role?.reasoning}`);
      assert.equal(titled.role?.slug, posting.expected);
      assert.ok((titled.role?.confidence ?? 0) >= 0.5);
      const untitled = matcher.match(toInput(posting, false));
      t.diagnostic(`${posting.name} without title → ${untitled.role?.slug} (${untitled.role?.case}, ${untitled.role?.confidence})`);
      assert.ok(posting.acceptableUntitled.includes(untitled.role?.slug ?? ''), `untitled chose ${untitled.role?.slug}`);
      assert.equal(untitled.role?.domain, posting.domain);
    });
  }
});
