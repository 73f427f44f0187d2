import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { requireSharedInCi, sharedDir } from '@jdpipe/testing';

import { startAdminServer, type RunningAdminServer } from '../../apps/jdpipe/src/serve/admin-server';
import {
  checkAgainstLegacy,
  legacyBlocksOf,
  readSeedRunPage,
  type ContractReport,
  type LegacyBlocks,
} from '../../libs/http-api/src/compat/legacy-contract/legacy-contract';
import type {
  LegacyExtractDetailsAnswer,
  LegacyExtractFromJdAnswer,
  LegacyFinalRoleOutputAnswer,
} from '../../libs/http-api/src/compat/legacy-answers';

/**
 * Old paths an offline run of the seed posting leaves under empty lists: it proposes no new skill, asks no
 * model, and jdpipe keeps no domain aliases. Anything else unreached is a gap in the answer.
 */
const EMPTY_IN_THIS_RUN = [
  'stage5_updates.new_skills_attached[]',
  'domain.primary.aliases[]',
  'input_llm_skills[]',
  'unmatched_skills[]',
  'skills_detail[].new_skill_meta.',
];

// The old system's clients over real HTTP: its three endpoints, answered by the embedded pipeline.
describe('compatibility endpoints of the replaced system', () => {
  let server: RunningAdminServer;
  let ingestKey: string;
  let reviewerKey: string;
  let page: string | null;

  before(async () => {
    page = readSeedRunPage(sharedDir());
    server = await startAdminServer({ port: 0, config: { dataDir: null, seedDir: null, runTimeoutMs: 30_000 } });
    ingestKey = await server.createApiKey('old-client', 'ingest');
    reviewerKey = await server.createApiKey('reviewer', 'reviewer');
  });
  after(async () => {
    await server?.close();
  });

  const post = (path: string, body: unknown, key = ingestKey) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify(body),
    });

  function assertKeepsContract(legacy: unknown, answer: unknown): void {
    const report: ContractReport = checkAgainstLegacy(legacy, answer);
    report.unreached = report.unreached.filter((path) => !EMPTY_IN_THIS_RUN.some((fragment) => path.includes(fragment)));
    assert.deepEqual(report, { missing: [], mismatched: [], unexpectedNulls: [], unreached: [] });
  }

  it('answers the seed posting with every key path of the old answers, and the values jdpipe found', async (t) => {
    requireSharedInCi('the compatibility contract');
    if (!page) return t.skip('shared/seed is not present');
    const blocks: LegacyBlocks = legacyBlocksOf(page);
    const jd = page.split('\n')[page.split('\n').indexOf('Job description') + 1];

    const first = await post('/skills/extract-from-jd', { jd, title: 'Senior Developer' });
    assert.equal(first.status, 200, await first.clone().text());
    const api1 = (await first.json()) as LegacyExtractFromJdAnswer;
    assertKeepsContract(blocks.extractFromJd, api1);
    assertKeepsContract(blocks.nanoParser, api1.nano_parsed);
    assert.equal(api1.rejected, false);
    assert.deepEqual([api1.nano_parsed?.ctc?.currency, api1.nano_parsed?.ctc?.min, api1.nano_parsed?.ctc?.max], ['INR', 512498, 848243]);
    assert.equal(api1.stage4_decision.chosen_role?.display_name, 'Software Engineer');
    assert.ok(api1.stage4_decision.chosen_role!.role_id > 0, 'the chosen role carries its library id');
    assert.ok(
      api1.final_skills.some((skill) => skill.skill_name === 'Python'),
      api1.final_skills.map((skill) => skill.skill_name).join(', '),
    );

    // Old clients chained the calls on run_id: the later calls answer for that run without running it again.
    const second = await post('/skills/extract-details', { run_id: api1.run_id });
    assert.equal(second.status, 200);
    const api2 = (await second.json()) as LegacyExtractDetailsAnswer;
    assertKeepsContract(blocks.extractDetails, api2);
    assert.equal(api2.run_id, api1.run_id);
    const python = api2.alias_matches.find((match) => match.matched_canonical.slug === 'python');
    assert.ok(python && python.matched_canonical.id > 0 && python.existing_alias_id > 0, 'Python is matched with its library ids');

    const third = await post('/skills/final-role-output', { job_description: jd, job_title: 'Senior Developer' });
    assert.equal(third.status, 200);
    const api3 = (await third.json()) as LegacyFinalRoleOutputAnswer;
    assertKeepsContract(blocks.finalRoleOutput, api3);
    assert.notEqual(api3.run_id, api1.run_id);
    assert.equal(api3.chosen_role?.display_name, 'Software Engineer');
    assert.equal(api3.chosen_role_resolution, 'in_db');
    assert.equal(api3.llm_cost_total_usd, 0);
    assert.ok(api3.persistence.items.length > 0);
  });

  it('answers a posting that is not a job description as rejected, with the reason', async () => {
    const response = await post('/skills/extract-from-jd', {
      text: 'Masala chai. Boil water with cardamom and ginger, add tea and milk, strain and serve hot.',
    });
    assert.equal(response.status, 200);
    const answer = (await response.json()) as LegacyExtractFromJdAnswer;
    assert.equal(answer.rejected, true);
    assert.ok((answer.rejection_reason?.length ?? 0) > 10);
    assert.equal(answer.stage4_decision.chosen_role, null);
  });

  it('refuses a body without a description as problem+json naming the field, and an unknown run with 404', async () => {
    const missing = await post('/skills/extract-from-jd', { job: 'Python developer' });
    assert.equal(missing.status, 400);
    assert.match(missing.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = (await missing.json()) as { errors: Array<{ field: string }> };
    assert.deepEqual(
      problem.errors.map((error) => error.field),
      ['jd'],
    );

    assert.equal((await post('/skills/extract-details', { run_id: '00000000-0000-4000-8000-000000000000' })).status, 404);
  });

  it('needs an ingest key: no key is 401, a reviewer key 403', async () => {
    const anonymous = await fetch(`${server.url}/skills/extract-from-jd`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jd: 'Python developer' }),
    });
    assert.equal(anonymous.status, 401);
    assert.equal((await post('/skills/final-role-output', { jd: 'Python developer' }, reviewerKey)).status, 403);
  });
});
