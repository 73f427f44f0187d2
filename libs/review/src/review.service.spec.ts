import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { DataSource } from 'typeorm';

import type { Proposal, RunDocument } from '@jdpipe/contracts';
import { CatalogStore, createDataSource, ReviewQueueStore, RunStore, runMigrations } from '@jdpipe/persistence';
import { aRunDocument } from '@jdpipe/testing';

import { ReviewError, ReviewService } from './review.service';
import { reviewSeed, seedSkill } from './spec-fixtures/review-catalog.fixture';

let dataSource: DataSource;
let catalogStore: CatalogStore;
let runStore: RunStore;
let service: ReviewService;
const reloadedVersions: number[] = [];

before(async () => {
  dataSource = await createDataSource({ kind: 'pglite', dataDir: null });
  await runMigrations(dataSource);
  catalogStore = new CatalogStore(dataSource);
  runStore = new RunStore(dataSource);
  service = new ReviewService(new ReviewQueueStore(dataSource), catalogStore, (version) => {
    reloadedVersions.push(version);
    return Promise.resolve();
  });
});

after(async () => {
  await dataSource?.destroy();
});

beforeEach(async () => {
  // Every test starts from the seed alone: no runs, no queue, no review-made catalog rows.
  await dataSource.query(`TRUNCATE runs, review_queue, review_actions, catalog_versions CASCADE`);
  await dataSource.query(`DELETE FROM skills WHERE source <> 'seed'`);
  await dataSource.query(`DELETE FROM roles WHERE source <> 'seed'`);
  await dataSource.query(`DELETE FROM skill_aliases WHERE source <> 'seed'`);
  await dataSource.query(`DELETE FROM role_kras WHERE source <> 'seed'`);
  await catalogStore.syncSeed(reviewSeed());
  reloadedVersions.length = 0;
});

/** Stores one run that proposed the given items, as the persister would. */
async function proposeInRun(
  proposals: Array<Partial<Proposal> & Pick<Proposal, 'kind' | 'value'>>,
  title = 'Backend Developer',
  overrides: Partial<RunDocument> = {},
): Promise<string> {
  const runId = randomUUID();
  const template = aRunDocument();
  await runStore.saveRun(
    aRunDocument({
      ...overrides,
      runId,
      parsed: template.parsed ? { ...template.parsed, title } : null,
      postingId: `posting-${runId}`,
      skills: [],
      posting: { title, description: 'A posting.', location: null, company: null, source: 'test' },
      proposals: proposals.map((proposal) => ({
        status: 'pending',
        target: null,
        evidence: `we use ${proposal.value} daily`,
        ...proposal,
      })),
    }),
    { consumer: 'spec', eventId: randomUUID() },
  );
  return runId;
}

async function itemIdOf(value: string): Promise<number> {
  const rows: Array<{ id: number }> = await dataSource.query(`SELECT id FROM review_queue WHERE value = $1`, [value]);
  assert.equal(rows.length, 1, `one review item for ${value}`);
  return rows[0].id;
}

async function catalogVersionRows(): Promise<Array<{ id: number; reason: string }>> {
  return dataSource.query(`SELECT id, reason FROM catalog_versions ORDER BY id`);
}

describe('review list and show', () => {
  it('lists pending items with recurrence counts and a suggested action', async () => {
    await proposeInRun([
      { kind: 'skill', value: 'Terraform' },
      { kind: 'skill', value: 'Postgress' },
    ]);
    await proposeInRun([
      { kind: 'skill', value: 'Terraform' },
      { kind: 'skill', value: 'Terraform Cloud' },
    ]);
    await proposeInRun([{ kind: 'kra', value: 'Run on-call rotations for the payments platform', target: 'backend-engineer' }]);

    const items = await service.list({ kind: 'skill', status: 'pending', limit: 10 });
    const byValue = new Map(items.map((item) => [item.value, item]));
    assert.deepEqual(
      items.map((item) => item.value),
      ['Terraform', 'Postgress', 'Terraform Cloud'],
      'most frequent first',
    );
    assert.equal(byValue.get('Terraform')?.occurrences, 2);
    assert.equal(byValue.get('Terraform')?.suggestionText, 'new canonical skill');
    assert.equal(byValue.get('Postgress')?.suggestionText, 'alias of postgresql', 'a typo away from an alias');
    assert.equal(byValue.get('Terraform Cloud')?.suggestionText, `merge into #${byValue.get('Terraform')?.id}`);

    const kras = await service.list({ kind: 'kra', limit: 10 });
    assert.equal(kras.length, 1);
    assert.equal(kras[0].suggestionText, 'add KRA to backend-engineer');
  });

  it('shows the runs and the text that proposed an item', async () => {
    const first = await proposeInRun(
      [{ kind: 'skill', value: 'Terraform', evidence: 'Infrastructure as code with Terraform.' }],
      'Platform Engineer',
    );
    const second = await proposeInRun([{ kind: 'skill', value: 'terraform ', evidence: 'Terraform modules for AWS.' }], 'SRE');
    const details = await service.show(await itemIdOf('Terraform'));
    assert.equal(details.item.occurrences, 2);
    assert.deepEqual(details.runs.map((run) => run.runId).sort(), [first, second].sort());
    assert.deepEqual(details.runs.map((run) => run.evidence).sort(), [
      'Infrastructure as code with Terraform.',
      'Terraform modules for AWS.',
    ]);
    assert.ok(details.runs.some((run) => run.title === 'Platform Engineer'));
    assert.deepEqual(details.actions, []);
    await assert.rejects(service.show(999_999), (error: unknown) => error instanceof ReviewError && error.reason === 'not_found');
  });
});

describe('review actions', () => {
  it('approving a skill creates a canonical review skill, bumps the catalog version and reloads', async () => {
    await proposeInRun([{ kind: 'skill', value: 'Terraform' }]);
    const id = await itemIdOf('Terraform');
    const before = await catalogStore.latestVersion();

    const outcome = await service.approve(id, { by: 'asha' });
    assert.ok(outcome.catalogVersion !== null && before !== null && outcome.catalogVersion > before);
    assert.deepEqual(reloadedVersions, [outcome.catalogVersion]);
    assert.equal(outcome.item.status, 'approved');
    assert.equal(outcome.action.actor, 'asha');

    const catalog = await catalogStore.loadCatalog();
    assert.equal(catalog.version, outcome.catalogVersion);
    const terraform = catalog.skills.find((skill) => skill.slug === 'terraform');
    assert.equal(terraform?.name, 'Terraform');
    assert.deepEqual(
      terraform?.aliases.map((alias) => [alias.text, alias.type]),
      [['Terraform', 'canonical']],
    );
    const versions = await catalogVersionRows();
    assert.equal(versions.at(-1)?.reason, 'review: approve skill Terraform by asha');
    const [source] = await dataSource.query(`SELECT source FROM skills WHERE slug = 'terraform'`);
    assert.equal(source.source, 'review');
    const [item] = await dataSource.query(`SELECT status, decided_by, decided_at FROM review_queue WHERE id = $1`, [id]);
    assert.equal(item.status, 'approved');
    assert.equal(item.decided_by, 'asha');
    assert.ok(item.decided_at);
  });

  it('edit-then-approve uses the reviewer name, category and nature and keeps the proposed spelling as an alias', async () => {
    await proposeInRun([{ kind: 'skill', value: 'terraform iac' }]);
    const id = await itemIdOf('terraform iac');
    const outcome = await service.approve(id, { by: 'asha', as: 'Terraform', category: 'Infrastructure as Code', nature: 'tool' });
    assert.deepEqual(outcome.action.detail.edits, { name: 'Terraform', category: 'Infrastructure as Code', nature: 'TOOL' });
    const skill = (await catalogStore.loadCatalog()).skills.find((entry) => entry.slug === 'terraform');
    assert.equal(skill?.category, 'Infrastructure as Code');
    assert.equal(skill?.nature, 'TOOL');
    assert.deepEqual(
      skill?.aliases.map((alias) => [alias.text, alias.type]),
      [
        ['Terraform', 'canonical'],
        ['terraform iac', 'synonym'],
      ],
    );
    await assert.rejects(
      service.approve(id, { by: 'asha' }),
      (error: unknown) => error instanceof ReviewError && error.reason === 'conflict',
    );
  });

  it('refuses to approve a skill whose slug already exists, and an unknown nature', async () => {
    await proposeInRun([
      { kind: 'skill', value: 'python' },
      { kind: 'skill', value: 'Dagster' },
    ]);
    await assert.rejects(service.approve(await itemIdOf('python'), { by: 'asha' }), /merge .* --into python/);
    await assert.rejects(service.approve(await itemIdOf('Dagster'), { by: 'asha', nature: 'GADGET' }), /nature must be one of/);
    assert.equal((await service.show(await itemIdOf('Dagster'))).item.status, 'pending', 'a refused action changes nothing');
  });

  it('rejecting records who and when and leaves the catalog version alone', async () => {
    await proposeInRun([{ kind: 'skill', value: 'Synergy' }]);
    const before = await catalogStore.latestVersion();
    const outcome = await service.reject(await itemIdOf('Synergy'), 'ravi');
    assert.equal(outcome.catalogVersion, null);
    assert.equal(await catalogStore.latestVersion(), before);
    assert.deepEqual(reloadedVersions, []);
    const details = await service.show(outcome.item.id);
    assert.equal(details.item.status, 'rejected');
    assert.equal(details.item.decidedBy, 'ravi');
    assert.deepEqual(
      details.actions.map((action) => [action.action, action.actor]),
      [['reject', 'ravi']],
    );
  });

  it('an alias proposal adds the alias to its target skill', async () => {
    await proposeInRun([{ kind: 'alias', value: 'Kube', target: 'kubernetes' }]);
    const outcome = await service.approve(await itemIdOf('Kube'), { by: 'asha' });
    assert.ok(outcome.catalogVersion);
    const kubernetes = (await catalogStore.loadCatalog()).skills.find((skill) => skill.slug === 'kubernetes');
    assert.ok(kubernetes?.aliases.some((alias) => alias.text === 'Kube' && alias.type === 'synonym'));
  });

  it('a KRA proposal adds the KRA to its role', async () => {
    const kra = 'Run on-call rotations for the payments platform';
    await proposeInRun([{ kind: 'kra', value: kra, target: 'backend-engineer' }]);
    await service.approve(await itemIdOf(kra), { by: 'asha' });
    const role = (await catalogStore.loadCatalog()).roles.find((entry) => entry.slug === 'backend-engineer');
    assert.deepEqual(role?.kras, ['Design and build REST APIs', kra]);
  });

  it('a role proposal creates the role in the domain of the run that proposed it, or the one the reviewer names', async () => {
    await proposeInRun([{ kind: 'role', value: 'Platform Engineer' }]);
    await proposeInRun([{ kind: 'role', value: 'Analytics Engineer' }], 'Analytics Engineer', { role: null });
    await service.approve(await itemIdOf('Platform Engineer'), { by: 'asha' });
    const analytics = await itemIdOf('Analytics Engineer');
    await assert.rejects(service.approve(analytics, { by: 'asha' }), /needs a domain/);
    await assert.rejects(service.approve(analytics, { by: 'asha', category: 'no-such-domain' }), /not in the catalog/);
    await service.approve(analytics, { by: 'asha', category: 'data-ai' });
    const roles = new Map((await catalogStore.loadCatalog()).roles.map((role) => [role.slug, role]));
    assert.equal(roles.get('platform-engineer')?.domain, 'software-engineering');
    assert.equal(roles.get('analytics-engineer')?.domain, 'data-ai');
    assert.equal(roles.get('analytics-engineer')?.name, 'Analytics Engineer');
  });

  it('merging a proposal into an existing skill adds it as an alias', async () => {
    await proposeInRun([{ kind: 'skill', value: 'Postgress' }]);
    const outcome = await service.merge(await itemIdOf('Postgress'), 'postgresql', 'asha');
    assert.equal(outcome.item.status, 'merged');
    assert.ok(outcome.catalogVersion);
    const postgres = (await catalogStore.loadCatalog()).skills.find((skill) => skill.slug === 'postgresql');
    assert.ok(postgres?.aliases.some((alias) => alias.text === 'Postgress'));
    assert.match((await catalogVersionRows()).at(-1)?.reason ?? '', /^review: merge skill Postgress into postgresql by asha$/);
    await assert.rejects(service.merge(outcome.item.id, 'postgresql', 'asha'), /already merged/);
  });

  it('merging into another pending item hands over the occurrences without touching the catalog', async () => {
    await proposeInRun([
      { kind: 'skill', value: 'Terraform' },
      { kind: 'skill', value: 'Terraform Cloud' },
    ]);
    await proposeInRun([
      { kind: 'skill', value: 'Terraform' },
      { kind: 'skill', value: 'Terraform Cloud' },
    ]);
    const target = await itemIdOf('Terraform');
    const before = await catalogStore.latestVersion();
    const outcome = await service.merge(await itemIdOf('Terraform Cloud'), String(target), 'asha');
    assert.equal(outcome.catalogVersion, null);
    assert.equal(await catalogStore.latestVersion(), before);
    assert.equal((await service.show(target)).item.occurrences, 4);
    await assert.rejects(service.merge(target, String(target), 'asha'), /into itself/);
    await assert.rejects(service.merge(target, 'no-such-skill', 'asha'), /not in the catalog/);
  });

  it('every action needs a reviewer name', async () => {
    await proposeInRun([{ kind: 'skill', value: 'Terraform' }]);
    await assert.rejects(service.reject(await itemIdOf('Terraform'), '  '), /reviewer name/);
  });
});

describe('undo', () => {
  it('undoing an approval removes the skill, reopens the item and bumps the version again', async () => {
    await proposeInRun([{ kind: 'skill', value: 'Terraform' }]);
    const id = await itemIdOf('Terraform');
    const approved = await service.approve(id, { by: 'asha' });
    const undone = await service.undo(approved.action.id, 'ravi');
    assert.ok(undone.catalogVersion !== null && approved.catalogVersion !== null && undone.catalogVersion > approved.catalogVersion);
    assert.deepEqual(reloadedVersions, [approved.catalogVersion, undone.catalogVersion]);
    const catalog = await catalogStore.loadCatalog();
    assert.equal(
      catalog.skills.find((skill) => skill.slug === 'terraform'),
      undefined,
    );
    assert.equal(catalog.version, undone.catalogVersion);
    assert.match((await catalogVersionRows()).at(-1)?.reason ?? '', /^review: undo approve skill Terraform \(action \d+\) by ravi$/);

    const details = await service.show(id);
    assert.equal(details.item.status, 'pending');
    assert.equal(details.item.decidedBy, null);
    assert.equal(details.actions[0].undoneBy, 'ravi');
    assert.equal(details.actions[0].undoCatalogVersion, undone.catalogVersion);
    await assert.rejects(service.undo(approved.action.id, 'ravi'), /already undone/);

    // Reopened, it can be decided again.
    const again = await service.approve(id, { by: 'ravi', as: 'HashiCorp Terraform' });
    assert.ok((await catalogStore.loadCatalog()).skills.some((skill) => skill.slug === 'hashicorp-terraform'));
    assert.equal(again.action.actor, 'ravi');
  });

  it('refuses to undo the creation of a skill that a later action added an alias to, until that one is undone', async () => {
    await proposeInRun([
      { kind: 'skill', value: 'Zorbflow' },
      { kind: 'skill', value: 'Zorb Flow Engine' },
    ]);
    const created = await service.approve(await itemIdOf('Zorbflow'), { by: 'asha' });
    const merged = await service.merge(await itemIdOf('Zorb Flow Engine'), 'zorbflow', 'asha');
    await assert.rejects(service.undo(created.action.id, 'asha'), new RegExp(`action ${merged.action.id} .* undo it first`));
    await service.undo(merged.action.id, 'asha');
    await service.undo(created.action.id, 'asha');
    assert.equal(
      (await catalogStore.loadCatalog()).skills.find((skill) => skill.slug === 'zorbflow'),
      undefined,
    );
  });

  it('undoing a merge into a skill withdraws the alias but leaves seed aliases alone', async () => {
    await proposeInRun([{ kind: 'skill', value: 'Postgress' }]);
    const merged = await service.merge(await itemIdOf('Postgress'), 'postgresql', 'asha');
    await service.undo(merged.action.id, 'asha');
    const postgres = (await catalogStore.loadCatalog()).skills.find((skill) => skill.slug === 'postgresql');
    assert.deepEqual(
      postgres?.aliases.map((alias) => alias.text),
      ['PostgreSQL', 'Postgres'],
    );
  });

  it('undoing a KRA, a role and an item merge reverts each of them', async () => {
    const kra = 'Run on-call rotations for the payments platform';
    await proposeInRun([
      { kind: 'kra', value: kra, target: 'backend-engineer' },
      { kind: 'role', value: 'Analytics Engineer' },
      { kind: 'skill', value: 'Terraform' },
      { kind: 'skill', value: 'Terraform Cloud' },
    ]);
    const kraAction = await service.approve(await itemIdOf(kra), { by: 'asha' });
    const roleAction = await service.approve(await itemIdOf('Analytics Engineer'), { by: 'asha', category: 'data-ai' });
    const mergeAction = await service.merge(await itemIdOf('Terraform Cloud'), String(await itemIdOf('Terraform')), 'asha');
    for (const action of [kraAction, roleAction, mergeAction]) await service.undo(action.action.id, 'asha');
    const catalog = await catalogStore.loadCatalog();
    assert.deepEqual(catalog.roles.find((role) => role.slug === 'backend-engineer')?.kras, ['Design and build REST APIs']);
    assert.equal(
      catalog.roles.find((role) => role.slug === 'analytics-engineer'),
      undefined,
    );
    assert.equal((await service.show(await itemIdOf('Terraform'))).item.occurrences, 1);
    const pending = await service.list({ status: 'pending', limit: 10 });
    assert.equal(pending.length, 4);
    await assert.rejects(service.undo(999_999, 'asha'), /does not exist/);
  });
});

describe('seed re-sync', () => {
  it('keeps review-added skills, aliases and KRAs when the seed changes', async () => {
    const kra = 'Run on-call rotations for the payments platform';
    await proposeInRun([
      { kind: 'skill', value: 'Terraform' },
      { kind: 'alias', value: 'Kube', target: 'kubernetes' },
      { kind: 'kra', value: kra, target: 'backend-engineer' },
    ]);
    await service.approve(await itemIdOf('Terraform'), { by: 'asha' });
    await service.approve(await itemIdOf('Kube'), { by: 'asha' });
    await service.approve(await itemIdOf(kra), { by: 'asha' });
    const afterReview = await catalogStore.latestVersion();

    // Unchanged seed: the carried-forward seed hash makes the sync a no-op.
    assert.equal(await catalogStore.syncSeed(reviewSeed()), afterReview);
    // A changed seed: a new version, and every review-made row is still there.
    const resynced = await catalogStore.syncSeed(reviewSeed('review-seed-b', [seedSkill('ansible', 'Ansible', 'TOOL', [])]));
    assert.ok(afterReview !== null && resynced > afterReview);
    const catalog = await catalogStore.loadCatalog();
    assert.ok(catalog.skills.some((skill) => skill.slug === 'terraform'));
    assert.ok(catalog.skills.some((skill) => skill.slug === 'ansible'));
    assert.ok(catalog.skills.find((skill) => skill.slug === 'kubernetes')?.aliases.some((alias) => alias.text === 'Kube'));
    assert.ok(catalog.roles.find((role) => role.slug === 'backend-engineer')?.kras.includes(kra));
  });
});
