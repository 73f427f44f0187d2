import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { cleanDisplayTitle, normaliseTitle } from './normalise-title';

describe('normaliseTitle', () => {
  const cases: Array<[string, string]> = [
    ['Sr. Backend Developer - Pune', 'backend developer'],
    ['Senior Software Engineer', 'software engineer'],
    ['Junior Accountant', 'accountant'],
    ['Jr. Data Analyst (Remote)', 'data analyst'],
    ['Lead Data Scientist', 'data scientist'],
    ['Principal Engineer', 'engineer'],
    ['Staff Nurse', 'nurse'],
    ['Head of Marketing', 'marketing'],
    ['Software Engineer II', 'software engineer'],
    ['Software Engineer III | Bangalore', 'software engineer'],
    ['SDE-2', 'sde'],
    ['Engineer L3', 'engineer'],
    ['3D Animator Grade 2', '3d animator'],
    ['Python Developers', 'python developer'],
    ['Sales Executives, Mumbai', 'sales executive'],
    ['Intern - Marketing', 'marketing'],
    ['Graduate Engineer Trainee', 'engineer'],
    ['Team Lead', ''],
    ['Tech Lead - Java', 'java'],
    ['Head of Sales Operations', 'sales operations'],
    ['Associate Product Manager', 'product manager'],
    ['Clinical Research Associate', 'clinical research associate'],
    ['Lead Generation Executive', 'lead generation executive'],
    ['C++ Developer', 'c++ developer'],
    ['.NET Developer', 'net developer'],
    ['Front-End Developer', 'front end developer'],
    ['Registered Nurses [ICU]', 'registered nurse'],
    ['DevOps Engineer', 'devops engineer'],
    ['Systems Administrator', 'system administrator'],
    ['Business Analytics Manager', 'business analytics manager'],
  ];
  for (const [title, expected] of cases) {
    it(`"${title}" → "${expected}"`, () => assert.equal(normaliseTitle(title), expected));
  }

  it('gives aliases and titles the same form', () => {
    assert.equal(normaliseTitle('Back-End Developers'), normaliseTitle('back end developer'));
  });
});

describe('cleanDisplayTitle', () => {
  it('keeps the written capitalisation and drops seniority and location', () => {
    assert.equal(cleanDisplayTitle('Senior Blockchain Evangelist - Remote'), 'Blockchain Evangelist');
    assert.equal(cleanDisplayTitle('Sr. AI Prompt engineers'), 'AI Prompt Engineer');
  });
});
