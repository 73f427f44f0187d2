import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import type { DataSource } from 'typeorm';

import type { SeedCatalog } from '@jdpipe/catalog';
import type { RunDocument } from '@jdpipe/contracts';

import { CatalogStore } from '../catalog/catalog.store';
import { ReviewQueueStore } from '../review/review-queue.store';
import { RunStore } from '../runs/run.store';
import { bySlug, largeSeed, skill, smallSeed } from './catalog.fixture';
import { completedRun } from './run-document.fixture';

const CATALOG_TABLES = [
  'catalog_versions',
  'domains',
  'skill_categories',
  'skills',
  'skill_aliases',
  'dimensions',
  'skill_dimensions',
  'roles',
  'role_aliases',
  'role_kras',
  'role_core_skills',
  'role_dimensions',
];

const RUN_TABLES = ['runs', 'run_stage_results', 'run_skills', 'run_signals', 'llm_calls', 'review_queue_evidence'];
const SHARED_TABLES = ['processed_events', 'review_queue', 'skill_dimension_links', 'role_dimension_links', 'role_centroids'];

/**
 * The store behaviour every database must show. Registered by the PGlite spec and by the PostgreSQL
 * integration spec; `dataSource()` returns a migrated, otherwise empty database.
 */
export function registerStoreBehaviour(dataSource: () => DataSource): void {
  const count = async (table: string, where = 'TRUE', params: unknown[] = []): Promise<number> => {
    const rows: Array<{ total: string | number }> = await dataSource().query(
      `SELECT count(*) AS total FROM ${table} WHERE ${where}`,
      params,
    );
    return Number(rows[0].total);
  };
  const countAll = async (tables: string[]): Promise<Record<string, number>> =>
    Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(table)] as const)));
  const rowsOfRun = async (runId: string): Promise<Record<string, number>> =>
    Object.fromEntries(await Promise.all(RUN_TABLES.map(async (table) => [table, await count(table, 'run_id = $1', [runId])] as const)));

  describe('CatalogStore', () => {
    test('a first sync stores the seed and reads back the same catalog under version 1', async () => {
      const store = new CatalogStore(dataSource());
      const seed = smallSeed();
      const version = await store.syncSeed(seed);
      assert.equal(version, 1);
      const loaded = await store.loadCatalog();
      assert.deepEqual(bySlug(loaded), bySlug({ ...seed.catalog, version: 1 }));
      assert.equal(await store.latestVersion(), 1);
    });

    test('syncing the same seed again returns the same version and writes nothing', async () => {
      const store = new CatalogStore(dataSource());
      const before = await countAll(CATALOG_TABLES);
      const version = await store.syncSeed(smallSeed());
      assert.equal(version, 1);
      assert.deepEqual(await countAll(CATALOG_TABLES), before);
    });

    test('a changed seed makes a new version: new and changed rows applied, removed seed rows gone, non-seed rows kept', async () => {
      const store = new CatalogStore(dataSource());
      const db = dataSource();
      // What a reviewer added: a skill and an alias on a seed skill; a sync must leave both alone.
      await db.query(`INSERT INTO skill_categories (name) VALUES ('Reviewed') ON CONFLICT DO NOTHING`);
      await db.query(
        `INSERT INTO skills (slug, name, category, nature, volatility, lifespan, version_strategy, source)
         VALUES ('rust', 'Rust', 'Reviewed', 'LANGUAGE', 'LOW', 'EVERGREEN', 'NOT_APPLICABLE', 'review')`,
      );
      await db.query(
        `INSERT INTO skill_aliases (skill_id, text, alias_type, match_strategy, position, source)
         SELECT id, 'Python3', 'synonym', 'case_insensitive', 100, 'review' FROM skills WHERE slug = 'python'`,
      );

      const changed = smallSeed();
      changed.contentHash = 'seed-hash-b';
      const python = changed.catalog.skills[0];
      python.name = 'Python Language';
      python.aliases[0].text = 'Python Language';
      python.aliases.push({ text: 'CPython', type: 'synonym', match: 'case_insensitive', context: [] });
      changed.catalog.skills = changed.catalog.skills.filter((entry) => entry.slug !== 'team-leadership');
      changed.catalog.skills.push(skill('sql', 'SQL', 'Query Languages', 'LANGUAGE', ['data-engineering'], []));
      changed.catalog.roles[0].kras = ['Design and build REST APIs', 'Mentor junior engineers'];
      changed.catalog.roles[1].coreSkills = ['python', 'sql'];

      const version = await store.syncSeed(changed);
      assert.equal(version, 2);
      const loaded = await store.loadCatalog();
      assert.equal(loaded.version, 2);
      const slugs = loaded.skills.map((entry) => entry.slug);
      assert.deepEqual(slugs, ['apache-kafka', 'go', 'python', 'rust', 'sql']);
      const loadedPython = loaded.skills.find((entry) => entry.slug === 'python');
      assert.equal(loadedPython?.name, 'Python Language');
      assert.deepEqual(
        loadedPython?.aliases.map((alias) => alias.text),
        ['Python Language', 'Py', 'CPython', 'Python3'],
        'seed aliases in seed order, the reviewer-added alias kept after them',
      );
      assert.deepEqual(loaded.roles.find((role) => role.slug === 'backend-engineer')?.kras, [
        'Design and build REST APIs',
        'Mentor junior engineers',
      ]);
      assert.deepEqual(loaded.roles.find((role) => role.slug === 'data-engineer')?.coreSkills, ['python', 'sql']);
      assert.equal(await count('skills', `slug = 'team-leadership'`), 0);
      assert.equal(await count('skills', `slug = 'rust' AND source = 'review'`), 1);
      const [latest]: Array<{ reason: string }> = await db.query('SELECT reason FROM catalog_versions WHERE id = 2');
      assert.match(latest.reason, /seed-hash-b: .*skills \+1 ~1 -1/);
    });

    test('a seed with a reference to an unknown skill is refused before anything is written', async () => {
      const store = new CatalogStore(dataSource());
      const broken = smallSeed();
      broken.contentHash = 'seed-hash-broken';
      broken.catalog.roles[0].coreSkills.push('no-such-skill');
      const before = await countAll(CATALOG_TABLES);
      await assert.rejects(store.syncSeed(broken), /unknown core skill no-such-skill/);
      assert.deepEqual(await countAll(CATALOG_TABLES), before);
    });

    test('a production-size catalog syncs and loads back quickly and completely', async () => {
      const store = new CatalogStore(dataSource());
      const seed: SeedCatalog = largeSeed();
      const syncStarted = performance.now();
      const version = await store.syncSeed(seed);
      const syncMs = performance.now() - syncStarted;
      const loadStarted = performance.now();
      const loaded = await store.loadCatalog();
      const loadMs = performance.now() - loadStarted;
      assert.equal(loaded.version, version);
      // The reviewer-added skill of the previous test survives the replacement of every seed row.
      const seedSkills = loaded.skills.filter((entry) => entry.slug !== 'rust');
      assert.equal(seedSkills.length, 2000);
      assert.equal(
        seedSkills.reduce((total, entry) => total + entry.aliases.length, 0),
        6000,
      );
      assert.deepEqual(bySlug({ ...loaded, skills: seedSkills }), bySlug({ ...seed.catalog, version }));
      // Generous bounds: set-based statements take well under a second here; one query per skill would not.
      assert.ok(syncMs < 10_000, `sync took ${syncMs.toFixed(0)} ms`);
      assert.ok(loadMs < 3_000, `load took ${loadMs.toFixed(0)} ms`);
    });
  });

  describe('RunStore', () => {
    test('saveRun writes the run and every derived row in one go', async () => {
      const runs = new RunStore(dataSource());
      const doc = completedRun();
      const outcome = await runs.saveRun(doc, { consumer: 'persister', eventId: randomUUID() }, [0.2, 0.4, 0.6]);
      assert.equal(outcome, 'saved');
      assert.deepEqual(await rowsOfRun(doc.runId), {
        runs: 1,
        run_stage_results: 4,
        run_skills: 3,
        run_signals: 2,
        llm_calls: 1,
        review_queue_evidence: 2,
      });
      assert.deepEqual(await runs.getRun(doc.runId), doc);

      const db = dataSource();
      const [call]: Array<Record<string, unknown>> = await db.query(
        'SELECT model, input_tokens, cached_tokens, output_tokens, cost_usd, latency_ms, cache_hit FROM llm_calls WHERE run_id = $1',
        [doc.runId],
      );
      assert.deepEqual(
        { ...call, cost_usd: Number(call.cost_usd) },
        {
          model: 'small-model',
          input_tokens: 812,
          cached_tokens: 128,
          output_tokens: 64,
          cost_usd: 0.000245,
          latency_ms: 431.5,
          cache_hit: false,
        },
      );
      const skills: Array<{ skill_slug: string; is_primary: boolean; requirement: string }> = await db.query(
        'SELECT skill_slug, is_primary, requirement FROM run_skills WHERE run_id = $1 ORDER BY position',
        [doc.runId],
      );
      assert.deepEqual(skills, [
        { skill_slug: 'python', is_primary: true, requirement: 'required' },
        { skill_slug: 'apache-kafka', is_primary: false, requirement: 'preferred' },
        { skill_slug: 'team-leadership', is_primary: false, requirement: 'required' },
      ]);
      const [stage]: Array<{ duration_ms: number; payload: Record<string, unknown> }> = await db.query(
        `SELECT duration_ms, payload FROM run_stage_results WHERE run_id = $1 AND stage = 'matchRole'`,
        [doc.runId],
      );
      assert.equal(stage.duration_ms, 30.25);
      assert.equal(stage.payload.role, 'backend-engineer');
      // Skill links count every dimension; role links only those under the chosen role.
      assert.equal(await count('skill_dimension_links', `skill_slug = 'python' AND dimension_slug = 'data-engineering'`), 1);
      assert.deepEqual(await db.query(`SELECT dimension_slug, run_count FROM role_dimension_links WHERE role_slug = 'backend-engineer'`), [
        { dimension_slug: 'backend-api-development', run_count: 1 },
      ]);
    });

    test('the same event saved twice is reported as a duplicate and changes nothing', async () => {
      const runs = new RunStore(dataSource());
      const doc = completedRun({ proposals: [], skills: completedRun().skills.slice(0, 1) });
      const dedupe = { consumer: 'persister', eventId: randomUUID() };
      assert.equal(await runs.saveRun(doc, dedupe, [1, 1, 1]), 'saved');
      const before = await countAll([...RUN_TABLES, ...SHARED_TABLES]);
      const linksBefore = await dataSource().query('SELECT * FROM skill_dimension_links ORDER BY 1, 2');
      const centroidBefore = await dataSource().query('SELECT n, vector FROM role_centroids');
      assert.equal(await runs.saveRun(doc, dedupe, [1, 1, 1]), 'duplicate');
      assert.deepEqual(await countAll([...RUN_TABLES, ...SHARED_TABLES]), before);
      assert.deepEqual(await dataSource().query('SELECT * FROM skill_dimension_links ORDER BY 1, 2'), linksBefore);
      assert.deepEqual(await dataSource().query('SELECT n, vector FROM role_centroids'), centroidBefore);
    });

    test('a run already saved under another event id is not written twice', async () => {
      const runs = new RunStore(dataSource());
      const doc = completedRun({ proposals: [] });
      assert.equal(await runs.saveRun(doc, { consumer: 'persister', eventId: randomUUID() }), 'saved');
      const before = await countAll([...RUN_TABLES, 'skill_dimension_links', 'role_dimension_links']);
      assert.equal(await runs.saveRun(doc, { consumer: 'persister', eventId: randomUUID() }), 'duplicate');
      assert.deepEqual(await countAll([...RUN_TABLES, 'skill_dimension_links', 'role_dimension_links']), before);
    });

    test('a failure late in saveRun rolls back every earlier insert, and the event can be retried', async () => {
      const runs = new RunStore(dataSource());
      const good = completedRun();
      // The review queue is written after runs, stage results, skills, signals and LLM calls; an unknown
      // proposal kind violates its CHECK constraint there.
      const broken: RunDocument = {
        ...good,
        proposals: [{ kind: 'bogus' as 'skill', value: 'Whatever', status: 'pending', target: null, evidence: null }],
      };
      const dedupe = { consumer: 'persister', eventId: randomUUID() };
      const before = await countAll([...RUN_TABLES, ...SHARED_TABLES]);
      await assert.rejects(runs.saveRun(broken, dedupe, [5, 5, 5]));
      assert.deepEqual(await countAll([...RUN_TABLES, ...SHARED_TABLES]), before);
      assert.equal(await runs.getRun(good.runId), null);
      assert.equal(await runs.saveRun(good, dedupe), 'saved');
    });

    test('the chosen role centroid is the running mean of the KRA vectors with its n', async () => {
      const runs = new RunStore(dataSource());
      const role = { ...completedRun().role!, slug: 'centroid-role' };
      const vectors = [
        [1, 0, 2],
        [3, 2, 2],
        [5, 4, 8],
      ];
      for (const vector of vectors) {
        await runs.saveRun(completedRun({ role, proposals: [] }), { consumer: 'persister', eventId: randomUUID() }, vector);
      }
      const [centroid]: Array<{ n: number; vector: number[] }> = await dataSource().query(
        `SELECT n, vector FROM role_centroids WHERE role_slug = 'centroid-role'`,
      );
      assert.equal(centroid.n, 3);
      centroid.vector.forEach((value, index) => assert.ok(Math.abs(value - [3, 2, 4][index]) < 1e-9));
      // Without a vector the run is saved and the centroid is left alone.
      await runs.saveRun(completedRun({ role, proposals: [] }), { consumer: 'persister', eventId: randomUUID() });
      assert.equal(await count('role_centroids', `role_slug = 'centroid-role' AND n = 3`), 1);
    });

    test('runs are listed newest first and filtered by status, role and text', async () => {
      const runs = new RunStore(dataSource());
      const tag = randomUUID().slice(0, 8);
      const rejected = completedRun({
        status: 'rejected',
        rejection: { code: 'PARSE.NOT_A_JD', reason: 'No job content' },
        parsed: null,
        role: null,
        signals: null,
        skills: [],
        proposals: [],
        llmCalls: [],
        posting: { ...completedRun().posting, title: `Lunch menu ${tag}` },
        createdAt: '2026-03-02T09:00:00.000Z',
        completedAt: '2026-03-02T09:00:00.100Z',
      });
      const backend = completedRun({
        proposals: [],
        parsed: { ...completedRun().parsed!, title: `Backend 100% Engineer ${tag}` },
        createdAt: '2026-03-02T08:00:00.000Z',
      });
      for (const doc of [rejected, backend]) {
        await runs.saveRun(doc, { consumer: 'persister', eventId: randomUUID() });
      }
      const tagged = await runs.listRuns({ text: tag, limit: 10, offset: 0 });
      assert.deepEqual(
        tagged.map((run) => run.runId),
        [rejected.runId, backend.runId],
      );
      assert.equal(tagged[0].status, 'rejected');
      assert.equal(tagged[0].rejectionCode, 'PARSE.NOT_A_JD');
      assert.equal(tagged[0].createdAt, '2026-03-02T09:00:00.000Z');
      assert.deepEqual(tagged[1], {
        runId: backend.runId,
        postingId: backend.postingId,
        status: 'completed',
        rejectionCode: null,
        title: `Backend 100% Engineer ${tag}`,
        roleSlug: 'backend-engineer',
        decisionCase: 'ALIAS',
        confidence: 0.92,
        catalogVersion: 1,
        mode: 'offline',
        createdAt: '2026-03-02T08:00:00.000Z',
        completedAt: backend.completedAt,
      });
      const rejectedOnly = await runs.listRuns({ status: 'rejected', text: tag, limit: 10, offset: 0 });
      assert.deepEqual(
        rejectedOnly.map((run) => run.runId),
        [rejected.runId],
      );
      // "%" is matched literally, not as a wildcard.
      assert.deepEqual((await runs.listRuns({ text: `100% Engineer ${tag}`, limit: 10, offset: 0 })).length, 1);
      assert.equal((await runs.listRuns({ text: `100%Engineer ${tag}`, limit: 10, offset: 0 })).length, 0);
      assert.deepEqual(
        (await runs.listRuns({ text: tag, limit: 1, offset: 1 })).map((run) => run.runId),
        [backend.runId],
      );
      assert.equal(await runs.countRuns({ text: tag }), 2);
      assert.equal(await runs.countRuns({ role: 'backend-engineer', text: tag }), 1);
      assert.equal(await runs.countRuns(), await count('runs'));
      assert.equal(await runs.getRun('not-a-uuid'), null);
      assert.equal(await runs.getRun(randomUUID()), null);
    });
  });

  describe('ReviewQueueStore', () => {
    test('a recurring proposal bumps occurrences and collects evidence instead of duplicating', async () => {
      const runs = new RunStore(dataSource());
      const review = new ReviewQueueStore(dataSource());
      const value = `Temporal ${randomUUID().slice(0, 6)}`;
      const proposalRun = (evidence: string, spelling: string) =>
        completedRun({
          proposals: [
            { kind: 'skill', value: spelling, status: 'pending', target: null, evidence },
            // Twice in one run is still one occurrence.
            { kind: 'skill', value: spelling.toUpperCase(), status: 'pending', target: null, evidence: 'again' },
          ],
        });
      const first = proposalRun('Temporal workflows', value);
      const second = proposalRun('durable execution with Temporal', `  ${value.toLowerCase()}. `);
      await runs.saveRun(first, { consumer: 'persister', eventId: randomUUID() });
      await runs.saveRun(second, { consumer: 'persister', eventId: randomUUID() });

      const pending = await review.listPending({ kind: 'skill', limit: 100 });
      const items = pending.filter((item) => item.normalisedValue === value.toLowerCase());
      assert.equal(items.length, 1);
      const [item] = items;
      assert.equal(item.occurrences, 2);
      assert.equal(item.value, value);
      assert.equal(item.firstRunId, first.runId);
      assert.equal(item.lastRunId, second.runId);
      assert.deepEqual(item.evidence.map((entry) => entry.runId).sort(), [first.runId, second.runId].sort());
      assert.ok(item.evidence.some((entry) => entry.evidence === 'Temporal workflows\nagain'));
      const occurrences = pending.map((entry) => entry.occurrences);
      assert.deepEqual(
        occurrences,
        [...occurrences].sort((a, b) => b - a),
        'most frequent first',
      );

      // A decided item leaves the pending list but still counts recurrences.
      assert.ok((await review.listPending({ kind: 'alias', limit: 100 })).every((entry) => entry.kind === 'alias'));
      assert.equal(await review.decide(item.id, 'approved', 'reviewer@example.com'), true);
      const after = await review.listPending({ kind: 'skill', limit: 100 });
      assert.ok(!after.some((entry) => entry.id === item.id));
      await runs.saveRun(proposalRun('third sighting', value), { consumer: 'persister', eventId: randomUUID() });
      const [decided]: Array<{ status: string; occurrences: number }> = await dataSource().query(
        'SELECT status, occurrences FROM review_queue WHERE id = $1',
        [item.id],
      );
      assert.deepEqual(decided, { status: 'approved', occurrences: 3 });
      assert.equal(await review.decide(987_654, 'rejected', 'reviewer@example.com'), false);
    });
  });
}
