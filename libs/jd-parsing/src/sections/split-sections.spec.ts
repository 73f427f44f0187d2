import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { JdSection } from '../parsed-jd';
import { requirementOf } from './requirement-of';
import { splitSections } from './split-sections';
import { splitSentences } from './split-sentences';

const COLLAPSED =
  "We are a Facebook Marketing Automation technology using Ai and Machine learning looking for exceptionally talented Senior Developers and Team Leads to join our team. Responsibilities Writing clean, high-quality, high-performance, maintainable code Develop and support software including applications, database integration, interfaces, and new functionality enhancements Coordinate cross-functionally to insure project meets business objectives and compliance standards Support test and deployment of new products and features Participate in code reviews Qualifications Bachelor's degree in Computer Science (or related field) 3+ years of relevant work experience Expertise in Python Development";

function parse(description: string) {
  const { sections, bodyStarts } = splitSections(description);
  return { sections, sentences: splitSentences(description, sections, bodyStarts) };
}

function assertTiles(description: string, sections: JdSection[]): void {
  assert.equal(sections[0].start, 0);
  assert.equal(sections.at(-1)?.end, description.length);
  sections.forEach((section, i) => {
    assert.equal(section.text, description.slice(section.start, section.end));
    if (i > 0) assert.equal(section.start, sections[i - 1].end);
  });
}

describe('splitSections: collapsed single-line postings', () => {
  const { sections, sentences } = parse(COLLAPSED);

  it('finds the run-in headings and tiles the text', () => {
    assert.deepEqual(
      sections.map((s) => [s.heading, s.kind]),
      [
        [null, 'company'],
        ['Responsibilities', 'responsibilities'],
        ['Qualifications', 'requirements'],
      ],
    );
    assertTiles(COLLAPSED, sections);
  });

  it('splits run-together bullets at capitalised verbs after a lowercase word', () => {
    assert.deepEqual(
      sentences.filter((s) => s.sectionIndex === 1).map((s) => s.text),
      [
        'Writing clean, high-quality, high-performance, maintainable code',
        'Develop and support software including applications, database integration, interfaces, and new functionality enhancements',
        'Coordinate cross-functionally to insure project meets business objectives and compliance standards',
        'Support test and deployment of new products and features',
        'Participate in code reviews',
      ],
    );
  });

  it('keeps proper nouns inside a bullet and splits requirement openers', () => {
    assert.deepEqual(
      sentences.filter((s) => s.sectionIndex === 2).map((s) => s.text),
      [
        "Bachelor's degree in Computer Science (or related field)",
        '3+ years of relevant work experience',
        'Expertise in Python Development',
      ],
    );
  });

  it('gives every sentence exact offsets into the description', () => {
    for (const sentence of sentences) assert.equal(COLLAPSED.slice(sentence.start, sentence.end), sentence.text);
  });
});

describe('splitSections: headings on their own lines', () => {
  const description = [
    'Acme Corp is a leading logistics company.',
    '',
    "## What you'll do",
    '- Build APIs in Node.js.',
    '- Mentor two junior engineers.',
    '',
    '**Requirements**',
    '• 4+ years of backend experience',
    '• Strong SQL',
    '',
    'Nice to have:',
    '* Kafka',
    '',
    'Perks',
    'Health insurance for family. Flexible hours.',
    '',
    'About the company',
    'Founded in 2012.',
  ].join('\n');
  const { sections, sentences } = parse(description);

  it('recognises markdown, bold, colon and plain heading lines', () => {
    assert.deepEqual(
      sections.map((s) => [s.heading, s.kind]),
      [
        [null, 'company'],
        ["What you'll do", 'responsibilities'],
        ['Requirements', 'requirements'],
        ['Nice to have', 'nice_to_have'],
        ['Perks', 'benefits'],
        ['About the company', 'company'],
      ],
    );
    assertTiles(description, sections);
  });

  it('splits bullets and sentences, dropping markers but not headings into sentences', () => {
    assert.deepEqual(
      sentences.map((s) => s.text),
      [
        'Acme Corp is a leading logistics company.',
        'Build APIs in Node.js.',
        'Mentor two junior engineers.',
        '4+ years of backend experience',
        'Strong SQL',
        'Kafka',
        'Health insurance for family.',
        'Flexible hours.',
        'Founded in 2012.',
      ],
    );
  });

  it('marks sentences of a nice-to-have section, or that say so, as preferred', () => {
    const byText = (text: string) => sentences.find((s) => s.text === text)!;
    assert.equal(requirementOf(byText('Kafka'), sections), 'preferred');
    assert.equal(requirementOf(byText('Strong SQL'), sections), 'required');
    assert.equal(requirementOf({ text: 'Experience with Terraform is a plus', start: 0, end: 0, sectionIndex: 2 }, sections), 'preferred');
    assert.equal(requirementOf({ text: 'Go experience good to have', start: 0, end: 0, sectionIndex: 2 }, sections), 'preferred');
  });

  it('keeps abbreviations and decimals inside one sentence', () => {
    const { sentences: parts } = parse('Requirements:\nB.Tech. or M.Sc. in CS, e.g. from a Tier 1 college. CGPA above 7.5 preferred.');
    assert.deepEqual(
      parts.map((s) => s.text),
      ['B.Tech. or M.Sc. in CS, e.g. from a Tier 1 college.', 'CGPA above 7.5 preferred.'],
    );
  });

  it('treats a whole text without headings as one null-headed section', () => {
    const { sections: only } = parse('Hiring a driver for night shifts. Call now.');
    assert.deepEqual(
      only.map((s) => [s.heading, s.start, s.end]),
      [[null, 0, 43]],
    );
  });

  it('does not take ordinary words for headings', () => {
    const { sections: prose } = parse(
      'You must meet the Requirements of the role. Our Benefits team will call. Experience with Go matters.',
    );
    assert.equal(prose.length, 1);
  });
});
