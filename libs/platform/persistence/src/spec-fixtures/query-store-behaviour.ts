import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';

import type { DataSource } from 'typeorm';

import type { RunDocument } from '@jdpipe/contracts';

import { CatalogQueryStore } from '../catalog/catalog-query.store';
import { CatalogStore } from '../catalog/catalog.store';
import { RunStore } from '../runs/run.store';
import { StatsStore } from '../stats/stats.store';
import { smallSeed } from './catalog.fixture';
import { completedRun } from './run-document.fixture';

/**
 * The read-side stores behind the HTTP API, on any database. Registered by the PGlite spec and by the
 * PostgreSQL integration spec; `dataSource()` returns a migrated, otherwise empty database.
 */
export function registerQueryStoreBehaviour(dataSource: () => DataSource): void {
  const save = (doc: RunDocument) => new RunStore(dataSource()).saveRun(doc, { consumer: 'persister', eventId: randomUUID() });
  /** A review action as the review loop stores it, on a fresh queue item. */
  const recordAction = async (action: string, effects: Array<Record<string, unknown>>, into?: string): Promise<number> => {
    const [item]: Array<{ id: number }> = await dataSource().query(
      `INSERT INTO review_queue (kind, value, normalised_value, payload, status) VALUES ('alias', $1, $1, '{}'::jsonb, 'approved')
       RETURNING id`,
      [`value ${randomUUID()}`],
    );
    const [row]: Array<{ id: number }> = await dataSource().query(
      `INSERT INTO review_actions (queue_id, action, actor, detail, catalog_version) VALUES ($1, $2, 'ana', $3::jsonb, 2) RETURNING id`,
      [item.id, action, JSON.stringify({ ...(into ? { into } : {}), effects })],
    );
    return row.id;
  };

  describe('read-side stores', () => {
    before(async () => {
      await new CatalogStore(dataSource()).syncSeed(smallSeed());
      const db = dataSource();
      // A reviewed skill whose name contains "go", a live imported one starting with "Go", a retired one.
      await db.query(`INSERT INTO skill_categories (name) VALUES ('Reviewed') ON CONFLICT DO NOTHING`);
      await db.query(
        `INSERT INTO skills (slug, name, category, nature, volatility, lifespan, version_strategy, source, external_id, retired_at)
       VALUES ('django', 'Django', 'Reviewed', 'FRAMEWORK', 'LOW', 'EVERGREEN', 'NOT_APPLICABLE', 'review', NULL, NULL),
              ('google-cloud', 'Google Cloud', 'Reviewed', 'PLATFORM', 'HIGH', 'MULTI_YEAR', 'NOT_APPLICABLE', 'esco', 'esco:gc', NULL),
              ('gopher', 'Gopher', 'Reviewed', 'TOOL', 'LOW', 'EVERGREEN', 'NOT_APPLICABLE', 'esco', 'esco:gopher', now())`,
      );
    });

    describe('CatalogQueryStore', () => {
      test('skill search ranks exact name, slug or alias first, then prefixes, and leaves retired skills out', async () => {
        const store = new CatalogQueryStore(dataSource());
        const found = await store.searchSkills({ q: 'go', limit: 10, offset: 0 });
        assert.deepEqual(
          found.items.map((item) => item.slug),
          ['go', 'google-cloud', 'django'],
        );
        assert.equal(found.total, 3);
        assert.deepEqual(found.items[1], {
          slug: 'google-cloud',
          name: 'Google Cloud',
          category: 'Reviewed',
          nature: 'PLATFORM',
          volatility: 'HIGH',
          source: 'esco',
        });
        assert.deepEqual(
          (await store.searchSkills({ q: 'GOLANG', limit: 10, offset: 0 })).items.map((item) => item.slug),
          ['go'],
          'an alias finds its skill, whatever the case',
        );
        assert.equal((await store.searchSkills({ q: '%', limit: 10, offset: 0 })).total, 0, '% is a literal, not a wildcard');
      });

      test('skill search without a text pages through all live skills by name', async () => {
        const store = new CatalogQueryStore(dataSource());
        const page = await store.searchSkills({ limit: 2, offset: 2 });
        assert.equal(page.total, 6);
        // Apache Kafka, Django, Go, Google Cloud, Python, Team Leadership.
        assert.deepEqual(
          page.items.map((item) => item.slug),
          ['go', 'google-cloud'],
        );
      });

      test('a skill shows its aliases, dimensions, the roles listing it, the runs using it and its review history', async () => {
        const store = new CatalogQueryStore(dataSource());
        await save(completedRun());
        const aliasAdded = await recordAction('approve', [{ type: 'skill_alias_added', skillSlug: 'python', text: 'Python3' }]);
        const mergedWithoutChange = await recordAction('merge', [], 'python');
        await recordAction('approve', [{ type: 'skill_alias_added', skillSlug: 'go', text: 'Go lang' }]);

        const python = await store.skill('python');
        assert.ok(python);
        assert.equal(python.name, 'Python');
        assert.equal(python.source, 'seed');
        assert.equal(python.retiredAt, null);
        assert.deepEqual(python.aliases, [
          { text: 'Python', type: 'canonical', match: 'case_insensitive', context: [], source: 'seed' },
          { text: 'Py', type: 'abbreviation', match: 'case_sensitive', context: ['django', 'pandas'], source: 'seed' },
        ]);
        assert.deepEqual(python.dimensions, [
          { slug: 'backend-api-development', name: 'Backend API Development' },
          { slug: 'data-engineering', name: 'Data Engineering' },
        ]);
        assert.deepEqual(python.roles, [
          { slug: 'backend-engineer', name: 'Backend Engineer' },
          { slug: 'data-engineer', name: 'Data Engineer' },
        ]);
        assert.equal(python.runCount, 1);
        assert.deepEqual(python.observedDimensions, [
          { slug: 'backend-api-development', runs: 1 },
          { slug: 'data-engineering', runs: 1 },
        ]);
        assert.deepEqual(
          python.history.map((entry) => [entry.actionId, entry.action, entry.actor]),
          [
            [mergedWithoutChange, 'merge', 'ana'],
            [aliasAdded, 'approve', 'ana'],
          ],
        );
        assert.deepEqual(python.history[1].effects, [{ type: 'skill_alias_added', skillSlug: 'python', text: 'Python3' }]);

        const gopher = await store.skill('gopher');
        assert.equal(gopher?.externalId, 'esco:gopher');
        assert.notEqual(gopher?.retiredAt, null, 'a retired skill is still shown by slug');
        assert.equal(await store.skill('no-such-skill'), null);
      });

      test('role search finds aliases; a role shows its domain, aliases, KRAs, core skills, dimensions and history', async () => {
        const store = new CatalogQueryStore(dataSource());
        assert.deepEqual((await store.searchRoles({ q: 'etl', limit: 10, offset: 0 })).items, [
          { slug: 'data-engineer', name: 'Data Engineer', domain: 'data-ai', source: 'seed' },
        ]);
        assert.equal((await store.searchRoles({ limit: 10, offset: 0 })).total, 2);
        const kraAdded = await recordAction('approve', [{ type: 'role_kra_added', roleSlug: 'backend-engineer', text: 'Review code' }]);
        await save(completedRun({ status: 'rejected', rejection: { code: 'PARSE.NOT_A_JD', reason: 'recipe' } }));

        const role = await store.role('backend-engineer');
        assert.ok(role);
        assert.equal(role.domainName, 'Software Engineering');
        assert.deepEqual(role.aliases, [
          { text: 'Backend Developer', source: 'seed' },
          { text: 'Server-side Engineer', source: 'seed' },
        ]);
        assert.deepEqual(
          role.kras.map((kra) => kra.text),
          ['Design and build REST APIs', 'Own service reliability'],
        );
        assert.deepEqual(
          role.coreSkills.map((skill) => skill.slug),
          ['python', 'go'],
        );
        assert.deepEqual(role.dimensions, [{ slug: 'backend-api-development', name: 'Backend API Development' }]);
        assert.equal(role.runCount, 1, 'the completed run of the skill test counts, the rejected one does not');
        assert.deepEqual(
          role.history.map((entry) => entry.actionId),
          [kraAdded],
        );
        assert.equal(await store.role('no-such-role'), null);
      });

      test('dimensions list their skill and role counts; one dimension lists its skills and roles', async () => {
        const store = new CatalogQueryStore(dataSource());
        const all = await store.searchDimensions({ limit: 10, offset: 0 });
        assert.deepEqual(
          all.items.map((item) => [item.slug, item.skillCount, item.roleCount]),
          [
            ['backend-api-development', 2, 2],
            ['data-engineering', 2, 1],
            ['team-leadership', 1, 0],
          ],
        );
        const data = await store.dimension('data-engineering');
        assert.deepEqual(
          data?.skills.map((skill) => skill.slug),
          ['apache-kafka', 'python'],
        );
        assert.deepEqual(data?.roles, [{ slug: 'data-engineer', name: 'Data Engineer' }]);
        assert.equal((await store.searchDimensions({ q: 'lead', limit: 10, offset: 0 })).items[0]?.slug, 'team-leadership');
        assert.equal(await store.dimension('nope'), null);
        assert.equal(await store.catalogVersion(), 1);
      });
    });

    describe('RunStore (API reads)', () => {
      test('runs filter on a creation window, list with role names and a total', async () => {
        const runs = new RunStore(dataSource());
        const tag = randomUUID().slice(0, 8);
        const titled = (title: string, createdAt: string, overrides: Partial<RunDocument> = {}) =>
          completedRun({ parsed: { ...completedRun().parsed!, title: `${title} ${tag}` }, createdAt, ...overrides });
        const early = titled('Early', '2029-01-01T23:59:59.000Z');
        const middle = titled('Middle', '2029-01-02T00:00:00.000Z');
        const late = titled('Late', '2029-01-03T12:00:00.000Z', {
          role: null,
          status: 'failed',
          rejection: { code: 'STAGE.FAILED', reason: 'x' },
        });
        for (const doc of [early, middle, late]) await save(doc);

        const window = await runs.listRunPage({
          text: tag,
          createdFrom: new Date('2029-01-02T00:00:00.000Z'),
          createdBefore: new Date('2029-01-03T12:00:00.000Z'),
          limit: 10,
          offset: 0,
        });
        assert.deepEqual(
          window.items.map((run) => run.runId),
          [middle.runId],
          'the lower bound is inclusive, the upper one exclusive',
        );
        assert.equal(window.total, 1);
        assert.equal(window.items[0].roleName, 'Backend Engineer');

        const page = await runs.listRunPage({ text: tag, limit: 2, offset: 0 });
        assert.equal(page.total, 3);
        assert.deepEqual(
          page.items.map((run) => [run.runId, run.roleName]),
          [
            [late.runId, null],
            [middle.runId, 'Backend Engineer'],
          ],
        );
      });

      test("a run's LLM calls come back in pipeline order with tokens, cost as a number, latency and cache flag", async () => {
        const runs = new RunStore(dataSource());
        const doc = completedRun({
          llmCalls: [
            { ...completedRun().llmCalls[0], stage: 'resolveSkills', purpose: 'skill-assist' },
            { ...completedRun().llmCalls[0], stage: 'matchRole', purpose: 'tie-break' },
            { ...completedRun().llmCalls[0], stage: 'parse', purpose: 'posting-assist', costUsd: null, error: 'LLM.TIMEOUT' },
          ],
        });
        await save(doc);
        const calls = await runs.listLlmCalls(doc.runId);
        assert.deepEqual(
          calls.map(({ stage, purpose, costUsd, inputTokens, cachedTokens, outputTokens, latencyMs, cacheHit, error }) => ({
            stage,
            purpose,
            costUsd,
            inputTokens,
            cachedTokens,
            outputTokens,
            latencyMs,
            cacheHit,
            error,
          })),
          [
            {
              stage: 'parse',
              purpose: 'posting-assist',
              costUsd: null,
              inputTokens: 812,
              cachedTokens: 128,
              outputTokens: 64,
              latencyMs: 431.5,
              cacheHit: false,
              error: 'LLM.TIMEOUT',
            },
            {
              stage: 'matchRole',
              purpose: 'tie-break',
              costUsd: 0.000245,
              inputTokens: 812,
              cachedTokens: 128,
              outputTokens: 64,
              latencyMs: 431.5,
              cacheHit: false,
              error: null,
            },
            {
              stage: 'resolveSkills',
              purpose: 'skill-assist',
              costUsd: 0.000245,
              inputTokens: 812,
              cachedTokens: 128,
              outputTokens: 64,
              latencyMs: 431.5,
              cacheHit: false,
              error: null,
            },
          ],
          'in pipeline order, whatever order they were saved in',
        );
        assert.equal(calls[0].request, null);
        assert.equal(await runs.hasRun(doc.runId), true);
        assert.deepEqual([await runs.hasRun(randomUUID()), await runs.hasRun('not-a-uuid')], [false, false]);
        assert.deepEqual(await runs.listLlmCalls(randomUUID()), []);
        assert.deepEqual(await runs.listLlmCalls('not-a-uuid'), []);
      });
    });

    describe('StatsStore', () => {
      test('counts runs per UTC day (zero-filled), roles, skills, pending proposals and failures of the window', async () => {
        const stats = new StatsStore(dataSource());
        const tag = randomUUID().slice(0, 8);
        const pendingBefore = (await stats.stats({ days: 1, top: 5, now: new Date('2030-06-10T12:00:00Z') })).proposalsPending;
        const proposals = (kind: 'skill' | 'kra') => [
          { kind, value: `${kind} ${tag}`, status: 'pending' as const, target: null, evidence: null },
        ];
        const docs = [
          completedRun({ createdAt: '2030-06-08T00:00:00.000Z', proposals: proposals('skill') }),
          completedRun({ createdAt: '2030-06-10T23:59:59.000Z', proposals: proposals('kra') }),
          completedRun({ createdAt: '2030-06-10T10:00:00.000Z', proposals: [], skills: [completedRun().skills[1]] }),
          completedRun({
            createdAt: '2030-06-10T11:00:00.000Z',
            status: 'rejected',
            role: null,
            skills: [],
            proposals: [],
            rejection: { code: 'PARSE.NOT_A_JD', reason: 'menu' },
          }),
          completedRun({ createdAt: '2030-06-09T11:00:00.000Z', status: 'failed', role: null, skills: [], proposals: [], rejection: null }),
          // Outside the window: the day before it, and the day after.
          completedRun({ createdAt: '2030-06-07T23:59:59.000Z', proposals: [] }),
          completedRun({ createdAt: '2030-06-11T00:00:00.000Z', proposals: [] }),
        ];
        for (const doc of docs) await save(doc);

        const result = await stats.stats({ days: 3, top: 5, now: new Date('2030-06-10T12:00:00Z') });
        assert.deepEqual(result.runsPerDay, [
          { day: '2030-06-08', completed: 1, rejected: 0, failed: 0 },
          { day: '2030-06-09', completed: 0, rejected: 0, failed: 1 },
          { day: '2030-06-10', completed: 2, rejected: 1, failed: 0 },
        ]);
        assert.deepEqual(result.roleDistribution, [{ roleSlug: 'backend-engineer', roleName: 'Backend Engineer', runs: 3 }]);
        assert.deepEqual(result.topSkills, [
          { skillSlug: 'apache-kafka', name: 'Apache Kafka', runs: 3 },
          { skillSlug: 'python', name: 'Python', runs: 2 },
        ]);
        assert.deepEqual(result.failures, {
          total: 2,
          byCode: [
            { code: 'PARSE.NOT_A_JD', count: 1 },
            { code: 'UNKNOWN', count: 1 },
          ],
        });
        assert.deepEqual(result.proposalsPending.byKind, {
          ...pendingBefore.byKind,
          skill: pendingBefore.byKind.skill + 1,
          kra: pendingBefore.byKind.kra + 1,
        });
        assert.equal(result.proposalsPending.total, pendingBefore.total + 2);
        assert.equal(result.catalogVersion, 1);

        const empty = await stats.stats({ days: 2, top: 5, now: new Date('2035-01-01T00:00:00Z') });
        assert.deepEqual(empty.runsPerDay, [
          { day: '2034-12-31', completed: 0, rejected: 0, failed: 0 },
          { day: '2035-01-01', completed: 0, rejected: 0, failed: 0 },
        ]);
        assert.deepEqual([empty.roleDistribution, empty.topSkills, empty.failures], [[], [], { total: 0, byCode: [] }]);
      });
    });
  });
}
