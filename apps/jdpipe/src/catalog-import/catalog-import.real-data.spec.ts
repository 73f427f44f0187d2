import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { DataSource } from 'typeorm';

import { loadSeedCatalog } from '@jdpipe/catalog';
import { readEscoDirectory, readOnetDirectory } from '@jdpipe/catalog-import';
import { parseJobDescription } from '@jdpipe/jd-parsing';
import { CatalogImportStore, CatalogStore, createDataSource, runMigrations } from '@jdpipe/persistence';
import { SkillMatcher } from '@jdpipe/skill-matching';
import { requireSharedInCi, sharedDataFile } from '@jdpipe/testing';

import { readCatalogFile } from '../catalog-transfer/catalog-file';
import { exportCatalogJson } from '../catalog-transfer/catalog-transfer.command';

requireSharedInCi('the full ESCO and O*NET import');
const escoFile = sharedDataFile('esco', 'tabiya_occupations.csv');
const onetFile = sharedDataFile('onet_27_0', 'Occupation Data.txt');

/**
 * The real downloads, imported whole into an in-memory database on top of the authored seed: the counts are
 * those of the SOURCE.md next to the data; a second import of each must change nothing. Timing and memory
 * are printed for the record (about 15 s for both imports on two cores).
 */
describe('importing the full ESCO and O*NET downloads', { skip: !escoFile || !onetFile ? 'shared data not present' : false }, () => {
  let dataSource: DataSource;
  let store: CatalogImportStore;

  before(async () => {
    dataSource = await createDataSource({ kind: 'pglite', dataDir: null });
    await runMigrations(dataSource);
    await new CatalogStore(dataSource).syncSeed(loadSeedCatalog());
    store = new CatalogImportStore(dataSource);
  });

  after(async () => {
    await dataSource?.destroy();
  });

  it('imports ESCO v1.1.1: 3,007 occupations and 13,891 skills, then nothing changes on a second import', async () => {
    const started = performance.now();
    const batch = await readEscoDirectory(dirname(escoFile as string));
    assert.equal(batch.release, '1.1.1');
    assert.equal(batch.roles.length, 3007);
    assert.equal(batch.skills.length, 13891);
    assert.deepEqual(batch.problems, []);
    // SOURCE.md: 112,835 alt labels; each skill also answers to its preferred label, a few hundred duplicates are gone.
    const aliases = batch.skills.reduce((sum, skill) => sum + skill.aliases.length, 0);
    assert.ok(aliases > 105_000 && aliases < 13_891 + 112_835, `aliases ${aliases}`);

    const report = await store.importBatch(batch);
    note('esco', started);
    assert.equal(report.skills.added, 13891);
    assert.equal(report.roles.added, 3007);
    assert.ok(report.skills.merged > 100, 'ESCO skills the seed already has become aliases of the seed skill');
    const counts: Array<{ skills: number; roles: number }> = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM catalog_import_entries WHERE source = 'esco' AND kind = 'skill') AS skills,
              (SELECT count(*)::int FROM catalog_import_entries WHERE source = 'esco' AND kind = 'role') AS roles`,
    );
    assert.deepEqual(counts, [{ skills: 13891, roles: 3007 }]);

    const again = await store.importBatch(await readEscoDirectory(dirname(escoFile as string)));
    assert.equal(again.versionBumped, false);
    assert.deepEqual(again.skills, { added: 0, changed: 0, unchanged: 13891, retired: 0, merged: 0 });
    assert.deepEqual(again.roles, { added: 0, changed: 0, unchanged: 3007, retired: 0, merged: 0 });
  });

  it('imports O*NET 27.0: 1,016 occupations, 30,826 technology rows, then nothing changes on a second import', async () => {
    const started = performance.now();
    const batch = await readOnetDirectory(dirname(onetFile as string));
    assert.equal(batch.release, '27.0');
    assert.equal(batch.roles.length, 1016);
    assert.equal(batch.roleSkillLinks.length, 30826);
    assert.deepEqual(batch.problems, []);
    // 19,265 task statements, a handful repeated within an occupation.
    assert.ok(batch.roles.reduce((sum, role) => sum + role.kras.length, 0) > 19_000);

    const report = await store.importBatch(batch);
    note('onet', started);
    assert.equal(report.roles.added, 1016);
    assert.equal(report.skills.added, batch.skills.length);
    assert.ok(report.roles.merged > 100, 'O*NET occupations meet ESCO or authored roles');
    assert.equal(report.linksWritten, 30826);

    const again = await store.importBatch(await readOnetDirectory(dirname(onetFile as string)));
    assert.equal(again.versionBumped, false);
    assert.equal(again.roles.unchanged, 1016);
    assert.equal(again.skills.unchanged, batch.skills.length);
  });

  it('reads ordinary words as words once both taxonomies are loaded', async () => {
    const description = [
      'Frontend Developer',
      '',
      'Responsibilities',
      '- Act as a liaison between design and engineering.',
      '- Change how users interact with our apps.',
      '- Build style sheets in SASS/LESS and React.',
      '- Keep lessons fast for classes of less than 10 students.',
      '',
      'Requirements',
      '- 3+ years of experience with JavaScript and CSS.',
      '',
      'We hire without regard to race, religion, sex (including pregnancy), age or disability.',
    ].join('\n');
    const outcome = parseJobDescription({ description, title: null, location: null });
    assert.ok(outcome.ok);
    const matcher = SkillMatcher.build(await new CatalogStore(dataSource).loadCatalog());
    const matched = matcher
      .scan(description, outcome.parsed.sections, outcome.parsed.sentences)
      .mentions.map((mention) => mention.matchedText);
    // O*NET's "Act!", ESCO's "LESS", "use RS" (glued: "users") and the knowledge item "pregnancy" are in the catalog.
    assert.deepEqual(
      matched.filter((text) => ['Act', 'users', 'less', 'pregnancy'].includes(text)),
      [],
    );
    for (const named of ['LESS', 'React', 'JavaScript', 'CSS']) assert.ok(matched.includes(named), `${named} in ${matched.join(', ')}`);
  });

  it('exports a catalog that import-file accepts: the merged imports leave no alias to two authored entries', async () => {
    const reading = readCatalogFile(await exportCatalogJson(dataSource, new Date()));
    assert.deepEqual(reading.ok ? [] : reading.errors.slice(0, 5), []);
  });
});

function note(source: string, started: number): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rssMb = Math.round(process.memoryUsage().rss / 1e6);
  process.stderr.write(`# ${source} read + import: ${seconds} s, rss ${rssMb} MB\n`);
}
