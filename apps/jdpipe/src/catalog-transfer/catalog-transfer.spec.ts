import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { DataSource } from 'typeorm';

import { loadSeedCatalog } from '@jdpipe/catalog';
import { CatalogStore, createDataSource, runMigrations } from '@jdpipe/persistence';

import { readCatalogFile, type CatalogFile } from './catalog-file';
import { CatalogFileStore } from './catalog-file.store';
import { exportCatalogJson } from './catalog-transfer.command';

async function freshDatabase(): Promise<DataSource> {
  const dataSource = await createDataSource({ kind: 'pglite', dataDir: null });
  await runMigrations(dataSource);
  return dataSource;
}

function importable(text: string) {
  const reading = readCatalogFile(text);
  assert.ok(reading.ok, `file refused: ${reading.ok ? '' : reading.errors.join('; ')}`);
  return reading.catalog;
}

describe('catalog export and import-file', () => {
  let seeded: DataSource;
  let empty: DataSource;
  let exported: string;

  before(async () => {
    seeded = await freshDatabase();
    await new CatalogStore(seeded).syncSeed(loadSeedCatalog());
    exported = await exportCatalogJson(seeded, new Date('2026-01-02T03:04:05Z'));
    empty = await freshDatabase();
  });

  after(async () => {
    await seeded?.destroy();
    await empty?.destroy();
  });

  it('exports sorted entries, the catalog version and categories counted from the skills', () => {
    const file = JSON.parse(exported) as CatalogFile;
    assert.equal(file.catalogVersion, 1);
    assert.equal(file.exportedAt, '2026-01-02T03:04:05.000Z');
    assert.ok(file.skills.length > 0 && file.roles.length > 0 && file.dimensions.length > 0);
    for (const list of [file.skills, file.roles, file.dimensions, file.domains]) {
      const slugs = list.map((entry) => entry.slug);
      assert.deepEqual(slugs, [...slugs].sort());
    }
    const total = file.categories.reduce((sum, category) => sum + category.skillCount, 0);
    assert.equal(total, file.skills.length);
    const first = file.categories[0];
    assert.equal(first.skillCount, file.skills.filter((skill) => skill.category === first.name).length);
  });

  it('round-trips: import into a fresh database, export again, same skills, roles and dimensions', async () => {
    const result = await new CatalogFileStore(empty).importCatalog(importable(exported));
    assert.equal(result.versionBumped, true);
    assert.equal(result.catalogVersion, 1);
    const again = JSON.parse(await exportCatalogJson(empty, new Date('2026-01-02T03:04:05Z'))) as CatalogFile;
    const original = JSON.parse(exported) as CatalogFile;
    assert.deepEqual(again.skills, original.skills);
    assert.deepEqual(again.roles, original.roles);
    assert.deepEqual(again.dimensions, original.dimensions);
    assert.deepEqual(again.domains, original.domains);
    assert.deepEqual(again.categories, original.categories);
    const sources: Array<{ source: string }> = await empty.query('SELECT DISTINCT source FROM skills');
    assert.deepEqual(sources, [{ source: 'file' }]);
  });

  it('re-importing the same file changes nothing and keeps the catalog version', async () => {
    const before = await new CatalogStore(empty).latestVersion();
    const result = await new CatalogFileStore(empty).importCatalog(importable(exported));
    assert.deepEqual(result, { catalogVersion: before, versionBumped: false, changes: {} });
    // Importing a database's own export is a no-op as well, whatever source its rows came from.
    const onSeeded = await new CatalogFileStore(seeded).importCatalog(importable(exported));
    assert.equal(onSeeded.versionBumped, false);
  });

  it('applies an edited file under one new version: changed fields, reordered and removed aliases', async () => {
    const file = JSON.parse(exported) as CatalogFile;
    const skill = file.skills.find((candidate) => candidate.aliases.length >= 3);
    assert.ok(skill, 'the seed has a skill with three aliases');
    skill.name = `${skill.name} (curated)`;
    const [canonical, , ...rest] = skill.aliases;
    skill.aliases = [canonical, ...rest.reverse()];

    const before = (await new CatalogStore(empty).latestVersion()) ?? 0;
    const result = await new CatalogFileStore(empty).importCatalog(importable(JSON.stringify(file)));
    assert.equal(result.versionBumped, true);
    assert.equal(result.catalogVersion, before + 1);
    assert.equal(result.changes.skills, 1);

    const loaded = await new CatalogStore(empty).loadCatalog();
    const stored = loaded.skills.find((candidate) => candidate.slug === skill.slug);
    assert.equal(stored?.name, skill.name);
    assert.deepEqual(stored?.aliases, skill.aliases);
  });

  it('refuses a malformed file with the path of every problem', () => {
    const file = JSON.parse(exported) as Record<string, unknown> & CatalogFile;
    const broken = structuredClone(file) as unknown as { skills: Array<Record<string, unknown>>; roles: unknown };
    broken.skills[0].nature = 'WIZARDRY';
    (broken.skills[1].aliases as Array<Record<string, unknown>>)[0].text = 42;
    delete broken.skills[2].name;
    broken.roles = 'none';
    const reading = readCatalogFile(JSON.stringify(broken));
    assert.equal(reading.ok, false);
    const errors = reading.ok ? [] : reading.errors;
    assert.ok(errors.some((error) => error.startsWith('skills[0].nature: expected one of TOOL')));
    assert.ok(errors.includes('skills[1].aliases[0].text: expected a non-empty string'));
    assert.ok(errors.includes('skills[2].name: expected a non-empty string'));
    assert.ok(errors.includes('roles: expected an array'));
  });

  it('refuses a well-formed file the catalog checks reject, and invalid JSON', () => {
    const file = JSON.parse(exported) as CatalogFile;
    file.skills[0].dimensions.push('no-such-dimension');
    const reading = readCatalogFile(JSON.stringify(file));
    assert.equal(reading.ok, false);
    assert.ok(!reading.ok && reading.errors.some((error) => error.startsWith('CATALOG.DANGLING_DIMENSION:')));

    const notJson = readCatalogFile('{"skills": [');
    assert.ok(!notJson.ok && notJson.errors[0].startsWith('not valid JSON'));
  });
});
