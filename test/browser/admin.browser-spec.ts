import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { startAdminServer, type RunningAdminServer } from '../../apps/jdpipe/src/serve/admin-server';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const SCREENSHOTS = join(REPO_ROOT, 'dist', 'test-artifacts', 'screenshots');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const NEW_SKILL = 'Zorblax Streams';

const BACKEND_POSTING = `Backend Developer

Responsibilities
- Build REST APIs in Python with Django and PostgreSQL
- Maintain data pipelines and deploy services with Docker
- Review code and mentor engineers

Requirements
- 3+ years of Python development
- Experience with ${NEW_SKILL} is a plus`;

const HOSTILE_POSTING = `Data Analyst <script>window.__pwned=1</script>

Responsibilities
- Build dashboards in Tableau and write SQL queries <img src=x onerror="window.__pwned=2">
- Analyse sales data with Python and Excel

Requirements
- 2+ years of experience as a data analyst`;

interface RunDocumentSeen {
  runId: string;
  posting: { description: string };
  skills: Array<{ slug: string; name: string; status: string; evidence: Array<{ text: string }> }>;
}

// The web admin in a real browser against the embedded server: what an administrator does, end to end.
describe('web admin in Chromium', () => {
  let server: RunningAdminServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startAdminServer({
      port: 0,
      config: { dataDir: null, seedDir: null, runTimeoutMs: 60_000 },
      rateLimitPerMinute: 100_000,
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: WIDE });
    page = await context.newPage();
    await page.goto(server.loginUrl);
    await page.locator('h1', { hasText: 'Runs' }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function ingest(title: string, text: string): Promise<RunDocumentSeen> {
    await page.goto(`${server.url}/admin/#/runs`);
    await page.locator('#ingest-posting-title').fill(title);
    await page.locator('#ingest-posting-text').fill(text);
    await page.getByRole('button', { name: 'Run the pipeline' }).click();
    await page.waitForURL(/#\/runs\/[^/?]+$/, { timeout: 60_000 });
    await page.locator('#posting-text').waitFor();
    const runId = decodeURIComponent(new URL(page.url()).hash.replace('#/runs/', ''));
    const response = await page.request.get(`${server.url}/v1/runs/${encodeURIComponent(runId)}`);
    assert.equal(response.status(), 200);
    return (await response.json()) as RunDocumentSeen;
  }

  async function noHorizontalOverflow(target: Page): Promise<void> {
    const [scrollWidth, clientWidth] = (await target.evaluate(
      '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
    )) as [number, number];
    assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
  }

  it('ingests a posting through the form and opens its run page', async () => {
    const posting = readFileSync(join(REPO_ROOT, 'examples', 'senior-developer.txt'), 'utf8');
    const run = await ingest('Senior Backend Developer (Python) – Team Lead', posting);
    await page.locator('h1', { hasText: 'Senior Backend Developer' }).waitFor();
    assert.equal(await page.locator('#posting-text').textContent(), run.posting.description);
    assert.equal((await page.locator('#posting-text mark.evidence').count()) > 0, true);
    assert.match((await page.locator('#decision').textContent()) ?? '', /CASE [A-Z]+/);
    await page.screenshot({
      path: join(SCREENSHOTS, 'run-page-1280.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: WIDE.width, height: 1400 },
    });
  });

  it('marks the evidence of a clicked skill, and only its evidence', async () => {
    const run = await ingest('Backend Developer', BACKEND_POSTING);
    const python = run.skills.find((skill) => skill.slug === 'python');
    assert.ok(python && python.evidence.length > 0);
    await page.locator('button[data-skill="python"]').click();
    assert.equal(await page.locator('button[data-skill="python"]').getAttribute('aria-pressed'), 'true');
    const marked = await page.locator('#posting-text mark.selected').allTextContents();
    assert.deepEqual(
      marked,
      python.evidence.map((span) => span.text),
    );
    await page
      .locator('#posting-text mark.selected')
      .first()
      .screenshot({ path: join(SCREENSHOTS, 'evidence-mark.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'run-page-selected-1280.png') });
  });

  it('renders markup in a posting as text and runs none of it', async () => {
    const run = await ingest('Data Analyst <script>window.__pwned=1</script>', HOSTILE_POSTING);
    const shown = await page.locator('#posting-text').textContent();
    assert.equal(shown, run.posting.description);
    assert.ok(shown?.includes('<script>window.__pwned=1</script>'));
    assert.ok(shown?.includes('<img src=x onerror="window.__pwned=2">'));
    assert.equal(await page.locator('#main img').count(), 0);
    assert.equal(await page.locator('#main script').count(), 0);
    assert.equal(await page.evaluate('window.__pwned'), undefined);
  });

  it('approves a proposal with the keyboard, and the next run uses the new skill', async () => {
    const before = await ingest('Backend Developer', BACKEND_POSTING);
    assert.equal(before.skills.find((skill) => skill.name === NEW_SKILL)?.status, 'proposed');
    await page.goto(`${server.url}/admin/#/review`);
    const rows = page.locator('.review-item');
    await rows.first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'review-1280.png'), fullPage: true });
    const values = await page.locator('.review-item .review-value').allTextContents();
    const target = values.indexOf(NEW_SKILL);
    assert.ok(target >= 0, `${NEW_SKILL} is not in the queue: ${values.join(', ')}`);
    await page.locator('main').focus();
    for (let step = 0; step < target; step++) await page.keyboard.press('j');
    assert.equal(await page.locator('.review-item.selected .review-value').textContent(), NEW_SKILL);
    await page.keyboard.press('a');
    await page.locator('.review-status', { hasText: `Approved “${NEW_SKILL}”` }).waitFor();
    assert.ok(!(await page.locator('.review-item .review-value').allTextContents()).includes(NEW_SKILL));

    const after = await ingest('Backend Developer', BACKEND_POSTING);
    const learned = after.skills.find((skill) => skill.name === NEW_SKILL);
    assert.ok(learned, `${NEW_SKILL} is missing from the next run`);
    assert.equal(learned.status, 'in_catalog');
    assert.doesNotMatch((await page.locator(`button[data-skill="${learned.slug}"]`).getAttribute('class')) ?? '', /proposed/);
  });

  it('finds a seed skill in the catalog and shows its aliases', async () => {
    await page.goto(`${server.url}/admin/#/catalog/skills`);
    await page.locator('#catalog-q').fill('python');
    await page.locator('#catalog-q').press('Enter');
    const result = page.locator('.result-list a', { hasText: 'Python' }).first();
    await result.waitFor();
    await result.click();
    await page.locator('#catalog-entry').waitFor();
    assert.match((await page.locator('#catalog-entry').textContent()) ?? '', /Aliases/);
    await page.screenshot({ path: join(SCREENSHOTS, 'catalog-1280.png'), fullPage: true });
  });

  it('draws the dashboard charts from the stats', async () => {
    await page.goto(`${server.url}/admin/#/dashboard`);
    await page.locator('svg.chart-columns').waitFor();
    assert.ok((await page.locator('svg.chart-columns rect').count()) > 0);
    assert.ok((await page.locator('#chart-skills svg.chart-bars rect').count()) > 0);
    assert.ok((await page.locator('#chart-roles svg.chart-bars rect').count()) > 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-1280.png'), fullPage: true });
    await page.goto(`${server.url}/admin/#/runs`);
    await page.locator('.runs-table').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'runs-1280.png'), fullPage: true });
  });

  it('sends a visitor to the sign-in page, signs in with a reviewer key, and signs out', async () => {
    const key = await server.createApiKey('browser reviewer', 'reviewer');
    const visitor = await browser.newContext({ viewport: WIDE });
    const guest = await visitor.newPage();
    await guest.goto(`${server.url}/admin/#/review`);
    await guest.waitForURL(/\/admin\/login\?next=%23%2Freview$/);
    await guest.locator('#sign-in-key').fill(key);
    await guest.screenshot({ path: join(SCREENSHOTS, 'sign-in-1280.png') });
    await guest.getByRole('button', { name: 'Sign in' }).click();
    await guest.waitForURL(/\/admin\/#\/review$/);
    await guest.locator('#whoami .badge', { hasText: 'reviewer' }).waitFor();
    const session = (await visitor.cookies()).find((cookie) => cookie.name === 'jdpipe_session');
    assert.ok(session?.httpOnly, 'the session cookie is HttpOnly');

    await guest.getByRole('button', { name: 'Sign out' }).click();
    await guest.waitForURL(/\/admin\/login\?signed-out$/);
    await guest.locator('.sign-in-notice', { hasText: 'signed out' }).waitFor();
    const afterSignOut = await fetch(`${server.url}/v1/me`, { headers: { cookie: `jdpipe_session=${session.value}` } });
    assert.equal(afterSignOut.status, 401, 'the session ended on the server, not only in the browser');
    await visitor.close();
  });

  it('fits a 390px phone screen without horizontal scrolling', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize(PHONE);
    const runs = (await (await phone.request.get(`${server.url}/v1/runs?limit=1`)).json()) as { items: Array<{ runId: string }> };
    for (const hash of [
      '#/runs',
      `#/runs/${encodeURIComponent(runs.items[0].runId)}`,
      '#/review',
      '#/catalog/skills?q=python',
      '#/dashboard',
    ]) {
      await phone.goto(`${server.url}/admin/${hash}`);
      await phone.locator('#main h1').first().waitFor();
      await noHorizontalOverflow(phone);
    }
    await phone.goto(`${server.url}/admin/#/runs/${encodeURIComponent(runs.items[0].runId)}`);
    await phone.locator('#posting-text').waitFor();
    await phone.screenshot({ path: join(SCREENSHOTS, 'run-page-390.png'), fullPage: true });
    await phone.close();
  });
});
