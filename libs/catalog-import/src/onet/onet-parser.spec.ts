import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { catalogImportFixtureDir } from '../fixtures/fixture-dir';
import type { ImportBatch } from '../import-batch';
import { readOnetDirectory } from './onet-parser';

describe('readOnetDirectory on the O*NET fixture', () => {
  let batch: ImportBatch;
  before(async () => {
    batch = await readOnetDirectory(catalogImportFixtureDir('onet'));
  });

  it('reads the release from Read Me.txt and reports every malformed row with file and line', () => {
    assert.equal(batch.release, '27.0');
    assert.deepEqual(
      batch.problems.map((problem) => `${problem.file}:${problem.line}`),
      [
        'Occupation Data.txt:6',
        'Occupation Data.txt:7',
        'Alternate Titles.txt:10',
        'Alternate Titles.txt:11',
        'Task Statements.txt:9',
        'Task Statements.txt:10',
        'Technology Skills.txt:11',
      ],
    );
  });

  it('makes roles from occupations with alternate and reported titles as aliases and tasks as KRAs', () => {
    assert.deepEqual(
      batch.roles.map((role) => [role.externalId, role.name, role.domain]),
      [
        ['15-1252.00', 'Software Developers', 'software-engineering'],
        ['29-1141.00', 'Registered Nurses', 'healthcare'],
        [
          '51-4021.00',
          'Extruding and Drawing Machine Setters, Operators, and Tenders, Metal and Plastic',
          'imported-production-occupations',
        ],
        ['11-1011.00', 'Chief Executives', 'imported-management-occupations'],
      ],
    );
    const developers = batch.roles[0];
    assert.deepEqual(developers.aliases, [
      'Application Developer',
      'Software Engineer',
      'Software Development Engineer (SDE)',
      'Software Development Engineer',
      'SDE',
      'Software Developer',
      'Application Integration Engineer',
    ]);
    // Core tasks first, supplemental after.
    assert.equal(developers.kras.length, 4);
    assert.match(developers.kras[3], /^Recommend purchase of equipment/);
  });

  it('makes one TOOL skill per technology example with its commodity as category, hot ones as core links', () => {
    assert.deepEqual(
      batch.skills.map((skill) => [skill.name, skill.category, skill.nature]),
      [
        ['Python', 'Object or Component Oriented Development Software', 'TOOL'],
        ['Apache Kafka', 'Data Base Reporting Software', 'TOOL'],
        ['Atlassian JIRA', 'Content Workflow Software', 'TOOL'],
        ['Eclipse IDE', 'Development Environment Software', 'TOOL'],
        ['Adobe Systems Adobe Photoshop', 'Graphics or Photo Imaging Software', 'TOOL'],
        ['Epic Systems', 'Medical Software', 'TOOL'],
        ['Microsoft Excel', 'Spreadsheet Software', 'TOOL'],
        ['R', 'Analytical or Scientific Software', 'TOOL'],
      ],
    );
    const photoshop = batch.skills.find((skill) => skill.name.endsWith('Photoshop'));
    assert.deepEqual(
      photoshop?.aliases.map((alias) => alias.text),
      ['Adobe Systems Adobe Photoshop', 'Adobe Photoshop'],
    );
    assert.equal(batch.skills.find((skill) => skill.name === 'R')?.aliases[0].match, 'case_sensitive');
    const developerLinks = batch.roleSkillLinks.filter((link) => link.roleExternalId === '15-1252.00');
    assert.deepEqual(
      developerLinks.map((link) => [link.skillExternalId, link.relation]),
      [
        ['onet-tech:python', 'core'],
        ['onet-tech:apache kafka', 'core'],
        ['onet-tech:atlassian jira', 'core'],
        ['onet-tech:eclipse ide', 'optional'],
        ['onet-tech:adobe systems adobe photoshop', 'optional'],
      ],
    );
  });
});
