import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { CatalogRole, CatalogSkill, SkillNature } from '@jdpipe/catalog';

import { fixtureCatalog } from '../fixtures/fixture-catalog';
import { ORDINARY_WORD_USES, OrdinaryWordNames } from './ordinary-word-names';

function rolesWithKras(kras: string[]): CatalogRole[] {
  return [{ ...fixtureCatalog().roles[0], kras }];
}

function importedSkill(name: string, nature: SkillNature = 'TOOL'): CatalogSkill {
  return { ...fixtureCatalog().skills[0], slug: name.toLowerCase(), name, nature, importedFrom: 'onet' };
}

describe('OrdinaryWordNames', () => {
  const kras = [
    'Grant access to records and report on less common cases.',
    'Review access logs; escalate when access is denied or when less than half of the checks pass.',
    'Act on findings with less delay.',
  ];
  const names = new OrdinaryWordNames(rolesWithKras(kras), new Set(['access', 'less', 'act', 'notion']));

  it('binds an imported one-word product name to its capitals when the KRAs use it as an ordinary word', () => {
    assert.equal(names.needsItsCase(importedSkill('Access'), ['access'], 'Access'), true);
    assert.equal(names.needsItsCase(importedSkill('LESS'), ['less'], 'LESS'), true);
  });

  it(`counts only lower-case uses, and needs ${ORDINARY_WORD_USES} of them`, () => {
    // "Act" opens a KRA once: a capital there is the sentence's, and one use is too few anyway.
    assert.equal(names.needsItsCase(importedSkill('Act!'), ['act'], 'Act'), false);
    assert.equal(names.needsItsCase(importedSkill('Notion'), ['notion'], 'Notion'), false);
  });

  it('counts only the words it was asked about', () => {
    const narrow = new OrdinaryWordNames(rolesWithKras(kras), new Set(['less']));
    assert.equal(narrow.needsItsCase(importedSkill('LESS'), ['less'], 'LESS'), true);
    assert.equal(narrow.needsItsCase(importedSkill('Access'), ['access'], 'Access'), false);
  });

  it('leaves authored skills, practices, lower-case spellings and several-word aliases as the catalog says', () => {
    const authored: CatalogSkill = { ...importedSkill('Access'), importedFrom: undefined };
    assert.equal(names.needsItsCase(authored, ['access'], 'Access'), false);
    assert.equal(names.needsItsCase(importedSkill('Access', 'PRACTICE'), ['access'], 'Access'), false);
    assert.equal(names.needsItsCase(importedSkill('access'), ['access'], 'access'), false);
    assert.equal(names.needsItsCase(importedSkill('Access Control'), ['access', 'control'], 'AccessControl'), false);
  });
});
