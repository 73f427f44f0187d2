import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { fixtureCatalog, layoutOf, singleSectionLayout } from '../fixtures/fixture-catalog';
import { SkillMatcher } from '../matching/skill-matcher';
import { isTechnologyLooking } from './candidate-phrases';

const matcher = SkillMatcher.build(fixtureCatalog());

function phrases(description: string): string[] {
  const { sections, sentences } = singleSectionLayout(description, 'requirements');
  return matcher.scan(description, sections, sentences).candidatePhrases.map((phrase) => phrase.text);
}

describe('candidate phrases from cues', () => {
  it('proposes nothing from an equal-opportunity statement', () => {
    assert.deepEqual(phrases('We value experience with inclusive hiring and never discriminate on the basis of age or disability.'), []);
  });

  it('reads the noun phrase after experience with / knowledge of / proficiency in / expertise in / familiarity with', () => {
    assert.deepEqual(phrases('Experience with Kubernetes operators.'), ['Kubernetes operators']);
    assert.deepEqual(phrases('Working knowledge of double-entry bookkeeping.'), ['double-entry bookkeeping']);
    assert.deepEqual(phrases('Proficiency in Terraform.'), ['Terraform']);
    assert.deepEqual(phrases('Expertise in supply chain planning.'), ['supply chain planning']);
    assert.deepEqual(phrases('Familiarity with Jira.'), ['Jira']);
    assert.deepEqual(phrases('Hands-on Docker.'), ['Docker']);
  });

  it('reads words that name built-in object properties like any other word', () => {
    assert.deepEqual(phrases('Senior constructor of bridges. Knowledge of toString and valueOf.'), ['toString', 'valueOf']);
  });

  it('splits coordinated items and stops at a clause word', () => {
    assert.deepEqual(phrases('Knowledge of Kafka, Flink and Redis for streaming.'), ['Kafka', 'Flink', 'Redis']);
  });

  it('reads "X skills", keeping "skills" after an adjective', () => {
    assert.deepEqual(phrases('Have outstanding communication and leadership skills.'), ['communication', 'leadership']);
    assert.deepEqual(phrases('Strong analytical skills.'), ['analytical skills']);
  });

  it('reads "X experience" but not generic experience', () => {
    assert.deepEqual(phrases('3 years of Salesforce experience.'), ['Salesforce']);
    assert.deepEqual(phrases('3+ years of relevant work experience.'), []);
    assert.deepEqual(phrases('Prior customer service experience.'), []);
  });

  it('never proposes a phrase that overlaps a dictionary skill', () => {
    assert.deepEqual(phrases('Expertise in Python Development.'), []);
    assert.deepEqual(phrases('Experience with Agile or Scrum software development methodologies.'), []);
  });

  it('does not propose the subject of the job or a time qualifier as a skill', () => {
    assert.deepEqual(phrases('2 years of recent teaching experience.'), []);
    assert.deepEqual(phrases('Experience with students and education.'), []);
    assert.deepEqual(phrases('Direct classroom teaching experience.'), ['classroom teaching']);
  });

  it('rejects stopwords, generic nouns, clauses and long phrases', () => {
    assert.deepEqual(phrases('Experience with large-scale applications and frameworks.'), []);
    assert.deepEqual(phrases('Experience in working with the team.'), []);
    assert.deepEqual(phrases('Knowledge of how our business environment works.'), []);
    assert.deepEqual(phrases('Experience with building and shipping reliable software products to customers.'), []);
    assert.deepEqual(phrases('Experience with modern high availability distributed event processing platforms.'), []);
    assert.deepEqual(phrases('Good technical skills and people skills.'), []);
    assert.deepEqual(phrases('Knowledge of Information Technology,Staffing.'), []);
  });
});

describe('candidate phrases from lists and technology-looking words', () => {
  it('takes the unknown items of a list that is mostly skills', () => {
    assert.deepEqual(phrases('Stack: Python, Java, Kafka and React.'), ['Kafka']);
  });

  it('ignores a list that is mostly not skills', () => {
    assert.deepEqual(phrases('Writing clean, high-quality, high-performance, maintainable code.'), []);
    assert.deepEqual(
      phrases('Develop software including applications, database integration, interfaces, and new functionality enhancements.'),
      [],
    );
    assert.deepEqual(phrases('Ability to multi-task, organize, and prioritize work.'), []);
  });

  it('picks CamelCase, letters-with-digits and dotted names anywhere in the requirements', () => {
    assert.deepEqual(phrases('We deploy on EC2 with TensorFlow models served by Next.js.'), ['EC2', 'TensorFlow', 'Next.js']);
  });

  it('skips technology-looking words in a company blurb and everything in benefits', () => {
    const description = 'We are the LinkedIn of HealthTech. Perks include WeWork passes.';
    const { sections, sentences } = layoutOf(description, [
      { start: 0, kind: 'company' },
      { start: description.indexOf('Perks'), kind: 'benefits' },
    ]);
    assert.deepEqual(matcher.scan(description, sections, sentences).candidatePhrases, []);
  });

  it('carries section, requirement level and sentence of each phrase', () => {
    const description = 'Must know Java. Familiarity with Jira is a plus.';
    const { sections, sentences } = singleSectionLayout(description, 'requirements');
    const [jira] = matcher.scan(description, sections, sentences).candidatePhrases;
    assert.deepEqual(jira, {
      text: 'Jira',
      start: description.indexOf('Jira'),
      end: description.indexOf('Jira') + 4,
      sectionIndex: 0,
      requirement: 'preferred',
      sentenceText: 'Familiarity with Jira is a plus.',
    });
  });
});

describe('isTechnologyLooking', () => {
  it('accepts CamelCase, letters with digits and ecosystem dotted names', () => {
    for (const word of [
      'TensorFlow',
      'PyTorch',
      'MongoDB',
      'iOS',
      'GraphQL',
      'EC2',
      'K8s',
      'HTML5',
      'Log4j',
      'Next.js',
      'socket.io',
      'D3.js',
      '2FA',
    ]) {
      assert.equal(isTechnologyLooking(word), true, word);
    }
  });

  it('rejects degrees, ordinals, units, quarters, glued sentences, sites and names', () => {
    for (const word of [
      'PhD',
      'MSc',
      'BTech',
      '3rd',
      '12th',
      '5yrs',
      '10am',
      '401k',
      'Q4',
      'work.The',
      'www.acme.com',
      'acme.com',
      'McDonald',
      'Ai',
      'CTC',
    ]) {
      assert.equal(isTechnologyLooking(word), false, word);
    }
  });

  it('rejects plain words, capitalised or not', () => {
    for (const word of ['python', 'Teams', 'stakeholder', 'Excel', 'crème', 'Ökonomie', 'e-commerce']) {
      assert.equal(isTechnologyLooking(word), false, word);
    }
  });
});
