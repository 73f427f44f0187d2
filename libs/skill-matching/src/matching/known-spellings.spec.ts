import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { aliasKey } from '@jdpipe/catalog';

import { fixtureCatalog } from '../fixtures/fixture-catalog';
import { knownSpellings } from './known-spellings';

describe('knownSpellings', () => {
  it('holds every alias of the catalog under its alias key', () => {
    const spellings = knownSpellings(fixtureCatalog());
    assert.ok(spellings.has(aliasKey('NodeJS')));
    assert.ok(spellings.has(aliasKey('scikit learn')));
    assert.ok(!spellings.has(aliasKey('Kubernetes operators')));
  });

  it('is made once per catalog object and afresh for another one', () => {
    const catalog = fixtureCatalog();
    assert.equal(knownSpellings(catalog), knownSpellings(catalog));
    assert.notEqual(knownSpellings(catalog), knownSpellings(fixtureCatalog()));
  });
});
