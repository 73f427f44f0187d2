import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { DataSource } from 'typeorm';

import { catalogImportFixtureDir, readEscoDirectory, readOnetDirectory } from '@jdpipe/catalog-import';

import { createDataSource, runMigrations } from '../data-source';
import { smallSeed } from '../spec-fixtures/catalog.fixture';
import { CatalogImportStore, type CatalogImportReport } from './catalog-import.store';
import { CatalogStore } from './catalog.store';

describe('CatalogImportStore on the fixtures', () => {
  let dataSource: DataSource;
  let store: CatalogImportStore;
  let catalogStore: CatalogStore;
  let firstEsco: CatalogImportReport;

  before(async () => {
    dataSource = await createDataSource({ kind: 'pglite', dataDir: null });
    await runMigrations(dataSource);
    catalogStore = new CatalogStore(dataSource);
    await catalogStore.syncSeed(smallSeed());
    store = new CatalogImportStore(dataSource);
    firstEsco = await store.importBatch(await readEscoDirectory(catalogImportFixtureDir('esco')));
  });

  after(async () => {
    await dataSource?.destroy();
  });

  it('adds the release, merging what the authored catalog already has, under a new catalog version', async () => {
    assert.equal(firstEsco.versionBumped, true);
    assert.equal(firstEsco.catalogVersion, 2);
    assert.deepEqual(firstEsco.skills, { added: 8, changed: 0, unchanged: 0, retired: 0, merged: 2 });
    assert.deepEqual(firstEsco.roles, { added: 5, changed: 0, unchanged: 0, retired: 0, merged: 0 });
    assert.equal(firstEsco.problems.length, 8);

    const catalog = await catalogStore.loadCatalog();
    assert.equal(catalog.version, 2);
    const python = catalog.skills.find((skill) => skill.slug === 'python');
    // One canonical entry, more aliases: the authored skill keeps its name and gains the ESCO labels.
    assert.equal(python?.name, 'Python');
    assert.deepEqual(
      python?.aliases.map((alias) => alias.text),
      ['Python', 'Py', 'Python (computer programming)', 'Python programming'],
    );
    assert.equal(catalog.skills.filter((skill) => /kafka/i.test(skill.name)).length, 1);
    const haskell = catalog.skills.find((skill) => skill.slug === 'haskell');
    assert.equal(haskell?.nature, 'TOOL');
    const rows: Array<{ source: string; external_id: string }> = await dataSource.query(
      `SELECT source, external_id FROM skills WHERE slug = 'haskell'`,
    );
    assert.deepEqual(rows, [{ source: 'esco', external_id: 'esco-label:haskell' }]);

    const developer = catalog.roles.find((role) => role.slug === 'software-developer');
    assert.equal(developer?.domain, 'software-engineering');
    assert.deepEqual(developer?.aliases, ['application developer', 'software engineer', 'programmer']);
    const director = catalog.roles.find((role) => role.slug === 'technical-director');
    assert.equal(director?.domain, 'imported-professionals');
    assert.equal(director?.kras.length, 3);
    const [entry]: Array<{ code: string; merged: boolean }> = await dataSource.query(
      `SELECT e.code, e.merged FROM catalog_import_entries e JOIN roles r ON r.id = e.role_id WHERE r.slug = 'technical-director'`,
    );
    assert.deepEqual(entry, { code: '2654', merged: false });
  });

  it('changes nothing when the same release is imported again', async () => {
    const before = await snapshot(dataSource);
    const again = await store.importBatch(await readEscoDirectory(catalogImportFixtureDir('esco')));
    assert.equal(again.versionBumped, false);
    assert.equal(again.catalogVersion, 2);
    assert.deepEqual(again.skills, { added: 0, changed: 0, unchanged: 8, retired: 0, merged: 0 });
    assert.deepEqual(again.roles, { added: 0, changed: 0, unchanged: 5, retired: 0, merged: 0 });
    assert.deepEqual(await snapshot(dataSource), before);
  });

  it('leaves the seed sync with nothing to do after an import', async () => {
    assert.equal(await catalogStore.syncSeed(smallSeed()), 2);
  });

  it('updates from a newer release, retires what it dropped and keeps the history', async () => {
    const next = await store.importBatch(await readEscoDirectory(catalogImportFixtureDir('esco-next')));
    assert.equal(next.release, '1.2.0');
    assert.equal(next.catalogVersion, 3);
    assert.deepEqual(next.skills, { added: 1, changed: 1, unchanged: 6, retired: 1, merged: 0 });
    assert.deepEqual(next.roles, { added: 0, changed: 1, unchanged: 3, retired: 1, merged: 0 });

    const haskell: Array<{ retired: boolean; entry_retired_version: number }> = await dataSource.query(
      `SELECT s.retired_at IS NOT NULL AS retired, e.retired_version AS entry_retired_version
       FROM skills s JOIN catalog_import_entries e ON e.skill_id = s.id WHERE s.slug = 'haskell'`,
    );
    assert.deepEqual(haskell, [{ retired: true, entry_retired_version: 3 }]);
    const afterRelease = await catalogStore.loadCatalog();
    assert.ok(!afterRelease.skills.some((skill) => skill.slug === 'haskell'), 'a retired skill must no longer match');
    const firstAid = afterRelease.skills.find((skill) => skill.slug === 'first-aid');
    assert.ok(firstAid?.aliases.some((alias) => alias.text === 'administer first aid'));
    const [version]: Array<{ reason: string; changes: { skills: { retired: number } } }> = await dataSource.query(
      `SELECT reason, changes FROM catalog_versions WHERE id = 3`,
    );
    assert.match(version.reason, /^import esco 1\.2\.0: skills \+1 \(0 merged\) ~1 -1 =6, roles \+0 \(0 merged\) ~1 -1 =3$/);
    assert.equal(version.changes.skills.retired, 1);
  });

  it('merges O*NET into the catalog the ESCO import left, with technology links and hot skills as core skills', async () => {
    const onet = await store.importBatch(await readOnetDirectory(catalogImportFixtureDir('onet')));
    assert.equal(onet.catalogVersion, 4);
    assert.equal(onet.problems.length, 7);
    // Python and Apache Kafka are authored; nothing else is known yet.
    assert.deepEqual(onet.skills, { added: 8, changed: 0, unchanged: 0, retired: 0, merged: 2 });
    // "Software Developers" lists "Software Developer", the name of the ESCO role. "Registered Nurse" is only an
    // alias of the ESCO nurse: alias = alias is too weak a match, so the O*NET nurse stays a role of its own.
    assert.equal(onet.roles.merged, 1);
    assert.ok(catalogRoles(await catalogStore.loadCatalog()).includes('registered-nurses'));
    assert.equal(onet.linksWritten, 9);

    const catalog = await catalogStore.loadCatalog();
    const developer = catalog.roles.find((role) => role.slug === 'software-developer');
    assert.ok(developer?.aliases.includes('Software Developers'));
    const executives = catalog.roles.find((role) => role.name === 'Chief Executives');
    assert.deepEqual(executives?.coreSkills, ['microsoft-excel']);
    assert.deepEqual(executives?.kras, ["Direct or coordinate an organization's financial or budget activities."]);
    const links: Array<{ relation: string; slug: string }> = await dataSource.query(
      `SELECT l.relation, s.slug FROM role_skill_links l JOIN roles r ON r.id = l.role_id JOIN skills s ON s.id = l.skill_id
       WHERE r.slug = 'software-developer' ORDER BY l.position`,
    );
    assert.deepEqual(links, [
      { relation: 'core', slug: 'python' },
      { relation: 'core', slug: 'apache-kafka' },
      { relation: 'core', slug: 'atlassian-jira' },
      { relation: 'optional', slug: 'eclipse-ide' },
      { relation: 'optional', slug: 'adobe-systems-adobe-photoshop' },
    ]);
  });
});

function catalogRoles(catalog: { roles: Array<{ slug: string }> }): string[] {
  return catalog.roles.map((role) => role.slug);
}

/** Every catalog row an import could touch, to prove a re-import writes nothing. */
async function snapshot(dataSource: DataSource): Promise<unknown[]> {
  const tables = [
    'skills',
    'skill_aliases',
    'roles',
    'role_aliases',
    'role_kras',
    'role_core_skills',
    'role_skill_links',
    'domains',
    'catalog_import_entries',
    'catalog_versions',
  ];
  const result: unknown[] = [];
  for (const table of tables) result.push(await dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`));
  return result;
}
