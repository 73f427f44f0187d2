import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Catalog, CatalogSkill, SkillNature } from '@jdpipe/catalog';

import { fixtureCatalog, layoutOf, singleSectionLayout } from '../fixtures/fixture-catalog';
import { SkillMatcher, type MentionScan } from './skill-matcher';

const matcher = SkillMatcher.build(fixtureCatalog());

function scan(description: string): MentionScan {
  const { sections, sentences } = singleSectionLayout(description);
  return matcher.scan(description, sections, sentences);
}

function slugs(description: string): string[] {
  return scan(description).mentions.map((mention) => mention.skillSlug);
}

describe('SkillMatcher: dictionary matching', () => {
  it('finds canonical names case-insensitively with exact offsets', () => {
    const description = 'We use PYTHON and java daily.';
    const { mentions } = scan(description);
    assert.deepEqual(
      mentions.map((mention) => [mention.skillSlug, mention.matchedText, mention.aliasType]),
      [
        ['python', 'PYTHON', 'canonical'],
        ['java', 'java', 'canonical'],
      ],
    );
    for (const mention of mentions) assert.equal(description.slice(mention.start, mention.end), mention.matchedText);
  });

  it('respects word boundaries: Java is not found in JavaScript, nor Excel in excellent', () => {
    assert.deepEqual(slugs('Strong JavaScript and excellent Excel skills.'), ['javascript', 'microsoft-excel']);
  });

  it('treats hyphens, dots and spaces inside an alias as the same (Node.js = NodeJS = node js)', () => {
    assert.deepEqual(slugs('NodeJS. node js. Node.js. Node-JS.'), ['node-js', 'node-js', 'node-js', 'node-js']);
    assert.deepEqual(slugs('scikit learn, scikit-learn and ScikitLearn'), ['scikit-learn', 'scikit-learn', 'scikit-learn']);
    assert.deepEqual(slugs('CI/CD, CI CD and CI / CD pipelines'), ['ci-cd', 'ci-cd', 'ci-cd']);
  });

  it('never glues a short function word onto the next word', () => {
    assert.deepEqual(slugs('Work from a CCA family centre. Experience in design systems.'), []);
    assert.deepEqual(slugs('ACCA qualified, fluent in InDesign and node js.'), ['acca', 'adobe-indesign', 'node-js']);
  });

  it('does not join alias parts across commas or sentence ends', () => {
    assert.deepEqual(slugs('We build in React. Native apps are out of scope.'), ['react']);
    assert.deepEqual(slugs('Node, JS'), ['javascript']);
  });

  it('tolerates a trailing plural s/es and keeps it in the evidence', () => {
    const { mentions } = scan('Participate in code reviews and build RESTful APIs.');
    assert.deepEqual(
      mentions.map((mention) => [mention.skillSlug, mention.matchedText]),
      [
        ['code-review', 'code reviews'],
        ['rest-api', 'RESTful APIs'],
      ],
    );
  });

  it('keeps C, C++, C#, F#, .NET and ASP.NET apart', () => {
    assert.deepEqual(slugs('C/C++, C#, F#, .NET and ASP.NET developers'), ['c', 'cpp', 'csharp', 'fsharp', 'dotnet', 'asp-net']);
  });

  it('does not read the word "net" as .NET', () => {
    assert.deepEqual(slugs('Net revenue grew; a net-zero target.'), []);
  });

  it('prefers the longest alias: React Native over React, Microsoft Excel over Excel, Spring Boot over Spring', () => {
    assert.deepEqual(slugs('React Native and React'), ['react-native', 'react']);
    assert.deepEqual(
      scan('Advanced Microsoft Excel').mentions.map((mention) => mention.matchedText),
      ['Microsoft Excel'],
    );
    assert.deepEqual(slugs('Java with Spring Boot, later Spring'), ['java', 'spring-boot', 'spring']);
  });

  it('matches case-sensitive aliases only with their casing', () => {
    assert.deepEqual(slugs('Build in Spring using Java'), ['spring', 'java']);
    assert.deepEqual(slugs('In spring we hire Java developers'), ['java']);
    assert.deepEqual(slugs('Statistics with R and data in r'), ['r']);
  });

  it('requires a context word in the posting when the alias has one', () => {
    assert.deepEqual(slugs('Write Swift code for our iOS app.'), ['swift']);
    assert.deepEqual(slugs('Swift turnaround of orders.'), []);
  });

  it('counts every occurrence as a mention', () => {
    assert.equal(slugs('Python here, Python there, python everywhere').length, 3);
  });

  it('records the section and the requirement level of each mention', () => {
    const description = 'You will write Java services. Nice to have: Python scripting.';
    const { sections, sentences } = layoutOf(description, [
      { start: 0, kind: 'responsibilities' },
      { start: description.indexOf('Nice'), kind: 'nice_to_have' },
    ]);
    const { mentions } = matcher.scan(description, sections, sentences);
    assert.deepEqual(
      mentions.map((mention) => [mention.skillSlug, mention.sectionIndex, mention.requirement]),
      [
        ['java', 0, 'required'],
        ['python', 1, 'preferred'],
      ],
    );
  });

  it('marks mentions in company and benefits text preferred, whatever their sentence says', () => {
    const description = 'Our engineers must love Python. Requirements: Java is required. Benefits: Scrum training is mandatory.';
    const { sections, sentences } = layoutOf(description, [
      { start: 0, kind: 'company' },
      { start: description.indexOf('Requirements'), kind: 'requirements' },
      { start: description.indexOf('Benefits'), kind: 'benefits' },
    ]);
    const { mentions } = matcher.scan(description, sections, sentences);
    assert.deepEqual(
      mentions.map((mention) => [mention.skillSlug, mention.requirement]),
      [
        ['python', 'preferred'],
        ['java', 'required'],
        ['scrum', 'preferred'],
      ],
    );
  });

  it('marks a mention preferred when its sentence says so', () => {
    const { mentions } = scan('Java is required. Experience with Python is a plus.');
    assert.deepEqual(
      mentions.map((mention) => mention.requirement),
      ['required', 'preferred'],
    );
  });
});

describe('SkillMatcher: ambiguous aliases', () => {
  it('reads an alias by the skills around it in the same section', () => {
    const [data] = scan('Build pipelines with Python and Apache Spark, scheduled in Airflow.').mentions.filter(
      (m) => m.matchedText === 'Airflow',
    );
    assert.equal(data.skillSlug, 'apache-airflow');
    assert.deepEqual(data.alternatives, ['airflow-management']);

    const [building] = scan('Maintain HVAC units and Ventilation Design; balance Airflow in each zone.').mentions.filter(
      (m) => m.matchedText === 'Airflow',
    );
    assert.equal(building.skillSlug, 'airflow-management');
    assert.deepEqual(building.alternatives, ['apache-airflow']);
  });

  it('falls back to catalog order with nothing around it, and still lists the alternative', () => {
    const [mention] = scan('Airflow.').mentions;
    assert.equal(mention.skillSlug, 'apache-airflow');
    assert.deepEqual(mention.alternatives, ['airflow-management']);
  });
});

describe('SkillMatcher: build', () => {
  it('compiles every alias once, canonical names included', () => {
    const catalog = fixtureCatalog();
    const aliasCount = catalog.skills.reduce((sum, skill) => sum + skill.aliases.length, 0);
    assert.equal(SkillMatcher.build(catalog).size.aliases, aliasCount);
  });

  it('scales to a large catalog: 100k aliases compile and every one stays findable', () => {
    const catalog = fixtureCatalog();
    for (let index = 0; index < 50_000; index++) {
      catalog.skills.push({
        ...catalog.skills[0],
        slug: `generated-skill-${index}`,
        name: `Generated Skill ${index}`,
        aliases: [
          { text: `Generated Skill ${index}`, type: 'canonical', match: 'case_insensitive', context: [] },
          { text: `GenSkill${index}`, type: 'synonym', match: 'case_insensitive', context: [] },
        ],
      });
    }
    const large = SkillMatcher.build(catalog);
    const description = 'Python, GenSkill42 and generated skill 4711 on Node.js. '.repeat(40);
    const { sections, sentences } = singleSectionLayout(description);
    const { mentions } = large.scan(description, sections, sentences);
    assert.equal(mentions.length, 4 * 40);
    assert.ok(mentions.some((m) => m.skillSlug === 'generated-skill-4711'));
    assert.ok(mentions.some((m) => m.skillSlug === 'generated-skill-42'));
  });
});

describe('SkillMatcher: names that are ordinary words once a taxonomy is imported', () => {
  const base = fixtureCatalog();
  const imported = (slug: string, name: string, nature: SkillNature, aliases: string[] = []): CatalogSkill => ({
    ...base.skills[0],
    slug,
    name,
    nature,
    importedFrom: 'onet',
    aliases: [name, ...aliases].map((text, index) => ({
      text,
      type: index === 0 ? ('canonical' as const) : ('synonym' as const),
      match: 'case_insensitive' as const,
      context: [],
    })),
  });
  const catalog: Catalog = {
    ...base,
    skills: [
      ...base.skills,
      imported('microsoft-access', 'Microsoft Access', 'TOOL', ['Access']),
      imported('less', 'LESS', 'TOOL'),
      imported('handle-geospatial-technologies', 'handle geospatial technologies', 'PRACTICE', ['use RS', 'Cosmos DB']),
      imported('mergers-and-acquisitions', 'Mergers and Acquisitions', 'PRACTICE', ['M&A']),
      imported('pregnancy', 'pregnancy', 'CONCEPT'),
    ],
    roles: [
      {
        ...base.roles[0],
        kras: [
          'Control access to systems and keep less critical data apart.',
          'Audit access rights; retire less used accounts.',
          'Grant access within less than a day.',
        ],
      },
    ],
  };
  const taxonomyMatcher = SkillMatcher.build(catalog);
  const found = (description: string): string[] => {
    const { sections, sentences } = singleSectionLayout(description);
    return taxonomyMatcher.scan(description, sections, sentences).mentions.map((mention) => `${mention.skillSlug}:${mention.matchedText}`);
  };

  it('finds a product named after an ordinary word only where it is written as the catalog writes it', () => {
    assert.deepEqual(found('Style sheets in SASS/LESS. Courses with less than 10 students close.'), ['less:LESS']);
    assert.deepEqual(found('Reports in MS Excel and Access. You will need access to the site.'), [
      'microsoft-excel:MS Excel',
      'microsoft-access:Access',
    ]);
  });

  it('does not take the capital that opens a sentence as a product name', () => {
    assert.deepEqual(found('Access to the building is by badge.'), []);
    assert.deepEqual(found('LESS and SASS.'), ['less:LESS']);
  });

  it('finds a glued alias only with the capitals of its abbreviations, and never as a two-letter word', () => {
    assert.deepEqual(found('Change how users interact with apps.'), []);
    assert.deepEqual(found('Data in CosmosDB, not cosmosdb.'), ['handle-geospatial-technologies:CosmosDB']);
    assert.deepEqual(found('An MA in English; M&A deals.'), ['mergers-and-acquisitions:M&A']);
  });

  it('takes nothing from an equal-opportunity statement, wherever the posting puts it', () => {
    const description =
      'Build dashboards in MS Excel. We hire without regard to race, sex (including pregnancy) or age. Advise on pregnancy care.';
    const { sections, sentences } = singleSectionLayout(description, 'requirements');
    const scanned = taxonomyMatcher.scan(description, sections, sentences);
    assert.deepEqual(
      scanned.mentions.map((mention) => [mention.skillSlug, mention.start]),
      [
        ['microsoft-excel', description.indexOf('MS Excel')],
        ['pregnancy', description.lastIndexOf('pregnancy')],
      ],
    );
  });
});
