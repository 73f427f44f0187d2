import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { catalogImportFixtureDir } from '../fixtures/fixture-dir';
import type { ImportBatch } from '../import-batch';
import { krasFromDescription, readEscoDirectory } from './esco-parser';

describe('readEscoDirectory on the ESCO fixture', () => {
  let batch: ImportBatch;
  const progress: string[] = [];
  before(async () => {
    batch = await readEscoDirectory(catalogImportFixtureDir('esco'), { onProgress: (file) => progress.push(file) });
  });

  it('reads the release from the release notes and reports progress per file', () => {
    assert.equal(batch.source, 'esco');
    assert.equal(batch.release, '1.1.1');
    assert.ok(progress.includes('skills_labels_altlabels_en.csv') && progress.includes('tabiya_occupations.csv'));
  });

  it('reports every malformed row with file and line and keeps reading', () => {
    const located = batch.problems.map((problem) => `${problem.file}:${problem.line}`);
    assert.deepEqual(located, [
      'tabiya_ISCOGroups.csv:10',
      'tabiya_skillGroups.csv:7',
      'skills_labels_altlabels_en.csv:15',
      'skills_labels_altlabels_en.csv:16',
      'skills_labels_altlabels_en.csv:21',
      'skills_labels_altlabels_en.csv:22',
      'tabiya_occupations.csv:16',
      'tabiya_occupations.csv:17',
    ]);
    // The skill after the malformed rows is still there; the unknown type is read, not dropped.
    assert.ok(batch.skills.some((skill) => skill.name === 'show initiative'));
  });

  it('turns skills into catalog skills with label-derived ids, aliases, nature and category', () => {
    assert.deepEqual(
      batch.skills.map((skill) => [skill.name, skill.nature]),
      [
        ['Python (computer programming)', 'LANGUAGE'],
        ['manage musical staff', 'PRACTICE'],
        ['Haskell', 'TOOL'],
        ['mathematics', 'CONCEPT'],
        ['Apache Kafka', 'TOOL'],
        ['Finnish', 'CONCEPT'],
        ['first aid', 'PRACTICE'],
        ['show initiative', 'PRACTICE'],
      ],
    );
    const python = batch.skills[0];
    assert.equal(python.externalId, 'esco-label:python (computer programming)');
    assert.deepEqual(
      python.aliases.map((alias) => [alias.text, alias.type]),
      [
        ['Python (computer programming)', 'canonical'],
        ['Python', 'synonym'],
        ['Python programming', 'synonym'],
      ],
    );
    const mathematics = batch.skills.find((skill) => skill.name === 'mathematics');
    assert.equal(mathematics?.category, 'Natural sciences, mathematics and statistics');
    assert.equal(mathematics?.subCategory, 'Mathematics');
    assert.equal(batch.skills.find((skill) => skill.name === 'first aid')?.category, 'ESCO skills and competences');
  });

  it('drops short, numeric and generic aliases and counts them', () => {
    // "Py" (short), "12345" (numeric), "manage" (generic), "SD" (short occupation alias), "developer" (generic title).
    assert.deepEqual(batch.droppedAliases, { short: 2, numeric: 1, generic: 2 });
    const developer = batch.roles.find((role) => role.name === 'Software Developer');
    assert.deepEqual(developer?.aliases, ['application developer', 'software engineer', 'programmer']);
  });

  it('turns occupations into roles with ISCO code, mapped or imported domain, and description KRAs', () => {
    assert.deepEqual(
      batch.roles.map((role) => [role.name, role.code, role.domain]),
      [
        ['Software Developer', '2512', 'software-engineering'],
        ['Technical Director', '2654', 'imported-professionals'],
        ['Metal Drawing Machine Operator', '8121', 'imported-plant-and-machine-operators-and-assemblers'],
        ['Nurse Responsible for General Care', '2221', 'healthcare'],
        // No ISCO column: the code comes from the occupation hierarchy.
        ['Mobile App Developer', '2512', 'software-engineering'],
      ],
    );
    assert.equal(batch.roles[1].externalId, 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34');
    assert.deepEqual(batch.roles[1].kras, [
      'Realise the artistic visions of the creators within technical constraints.',
      'Coordinate the operations of various production units, such as scene, wardrobe, sound and lighting.',
      'Responsible for the stage equipment.',
    ]);
    assert.deepEqual(batch.domains.map((domain) => domain.slug).sort(), [
      'healthcare',
      'imported-plant-and-machine-operators-and-assemblers',
      'imported-professionals',
      'software-engineering',
    ]);
  });
});

describe('krasFromDescription', () => {
  it('strips the plural subject and "They", and skips fragments', () => {
    assert.deepEqual(
      krasFromDescription(
        'secretary',
        'Secretaries handle the correspondence of an office. They schedule meetings for managers. Short one.',
      ),
      ['Handle the correspondence of an office.', 'Schedule meetings for managers.'],
    );
  });
});
