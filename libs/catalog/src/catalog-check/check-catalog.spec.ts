import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Catalog, CatalogRole } from '../model/catalog';
import { checkCatalog } from './check-catalog';

function role(slug: string, kras: number, importedFrom?: 'esco' | 'onet'): CatalogRole {
  return {
    slug,
    name: slug.replace(/-/g, ' '),
    domain: 'data',
    description: '',
    aliases: [],
    kras: Array.from({ length: kras }, (_, index) => `Responsibility ${index + 1} of ${slug}`),
    coreSkills: ['sql'],
    dimensions: [],
    ...(importedFrom === undefined ? {} : { importedFrom }),
  };
}

function catalogWith(roles: CatalogRole[]): Catalog {
  return {
    version: 1,
    domains: [{ slug: 'data', name: 'Data', keywords: [] }],
    dimensions: [],
    skills: [
      {
        slug: 'sql',
        name: 'SQL',
        category: 'Databases',
        subCategory: null,
        nature: 'LANGUAGE',
        volatility: 'LOW',
        lifespan: 'EVERGREEN',
        versionStrategy: 'UNVERSIONED',
        aliases: [{ text: 'SQL', type: 'canonical', match: 'case_sensitive', context: [] }],
        dimensions: [],
      },
    ],
    roles,
  };
}

describe('checkCatalog: authored entries follow the authoring rules, imported ones are counted', () => {
  it('refuses an authored role with fewer than five KRAs', () => {
    const findings = checkCatalog(catalogWith([role('thin-seed', 2), role('thin-file', 4), role('thin-unknown', 0)]));
    assert.deepEqual(
      findings.map((finding) => [finding.severity, finding.code, /"([^"]+)"/.exec(finding.message)?.[1]]),
      [
        ['error', 'CATALOG.TOO_FEW_KRAS', 'thin-seed'],
        ['error', 'CATALOG.TOO_FEW_KRAS', 'thin-file'],
        ['error', 'CATALOG.TOO_FEW_KRAS', 'thin-unknown'],
      ],
    );
  });

  it('only warns, once for all of them, about ESCO and O*NET roles with fewer than five KRAs', () => {
    const findings = checkCatalog(
      catalogWith([role('data-analyst', 0, 'esco'), role('database-administrators', 3, 'onet'), role('statistician', 0, 'esco')]),
    );
    assert.equal(findings.filter((finding) => finding.severity === 'error').length, 0);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.code, 'CATALOG.IMPORTED_FEW_KRAS');
    assert.equal(
      findings[0]!.message,
      '3 imported roles have fewer than 5 KRAs; they match by title and skills (e.g. "data-analyst", "database-administrators", "statistician")',
    );
  });

  it('passes roles with five KRAs or more silently, imported or authored', () => {
    assert.deepEqual(checkCatalog(catalogWith([role('full-seed', 5), role('full-onet', 12, 'onet')])), []);
  });

  it('counts imported roles without core skills as a warning, and still refuses an authored one', () => {
    const findings = checkCatalog(
      catalogWith([
        { ...role('barista', 5, 'esco'), coreSkills: [] },
        { ...role('authored', 5), coreSkills: [] },
      ]),
    );
    assert.deepEqual(
      findings.map((finding) => [finding.severity, finding.code]),
      [
        ['error', 'CATALOG.NO_CORE_SKILLS'],
        ['warning', 'CATALOG.IMPORTED_NO_CORE_SKILLS'],
      ],
    );
  });

  it('reads a label shared with an imported skill as ambiguity, but refuses one shared by two authored skills', () => {
    const skill = (slug: string, text: string, importedFrom?: 'esco') => ({
      ...catalogWith([]).skills[0]!,
      slug,
      name: text,
      aliases: [{ text, type: 'canonical' as const, match: 'case_insensitive' as const, context: [] }],
      ...(importedFrom ? { importedFrom } : {}),
    });
    const catalog = catalogWith([role('analyst', 5)]);
    catalog.skills.push(skill('data-models', 'data models'), skill('create-data-models', 'data models', 'esco'));
    catalog.skills.push(skill('spark', 'Spark'), skill('apache-spark', 'spark'));
    const findings = checkCatalog(catalog);
    assert.deepEqual(
      findings.map((finding) => [finding.severity, finding.code]),
      [
        ['error', 'CATALOG.DUPLICATE_ALIAS'],
        ['warning', 'CATALOG.IMPORTED_SHARED_ALIAS'],
      ],
    );
    assert.match(findings[0]!.message, /"spark" of "apache-spark" is already an alias of "spark"/);
  });

  it('lets imported occupations share titles with other roles, but not two authored roles', () => {
    const titled = (slug: string, title: string, importedFrom?: 'onet') => ({ ...role(slug, 5, importedFrom), aliases: [title] });
    const findings = checkCatalog(
      catalogWith([
        titled('cook', 'Chef'),
        titled('chefs-and-head-cooks', 'Chef', 'onet'),
        titled('baker', 'Pastry Cook'),
        titled('pastry-chef', 'Pastry Cook'),
      ]),
    );
    assert.deepEqual(
      findings.map((finding) => [finding.severity, finding.code]),
      [
        ['error', 'CATALOG.DUPLICATE_ROLE_ALIAS'],
        ['warning', 'CATALOG.IMPORTED_SHARED_ROLE_TITLE'],
      ],
    );
  });
});
