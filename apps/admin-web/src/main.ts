import { adminApi } from './api/admin-api.js';
import { renderCatalogPage } from './catalog/catalog.page.js';
import { renderDashboardPage } from './dashboard/dashboard.page.js';
import { errorPanel, refreshReviewCount, REVIEW_CHANGED_EVENT, showReviewCount } from './dom/components.js';
import { el, replaceChildren } from './dom/el.js';
import { renderReviewPage } from './review/review.page.js';
import { parseRoute, type Route } from './routes/route.js';
import { renderRunPage } from './runs/run.page.js';
import { renderRunsPage } from './runs/runs.page.js';

/** What a page leaves behind when the admin navigates away (listeners on the document, timers). */
export type PageCleanup = () => void;

let cleanup: PageCleanup | undefined;
let renderCount = 0;

async function showRoute(): Promise<void> {
  const route = parseRoute(window.location.hash);
  const main = document.getElementById('main') as HTMLElement;
  cleanup?.();
  cleanup = undefined;
  const current = ++renderCount;
  markNavigation(route);
  replaceChildren(main, el('p', { class: 'muted' }, 'Loading…'));
  try {
    const leftBehind = await renderPage(main, route);
    // A slow page finishing after the admin moved on must not keep its listeners.
    if (current === renderCount) cleanup = leftBehind;
    else leftBehind?.();
  } catch (error) {
    if (current === renderCount) replaceChildren(main, errorPanel(error));
  }
  if (current === renderCount) document.title = `${pageTitle(route)} · jdpipe admin`;
}

function renderPage(main: HTMLElement, route: Route): Promise<PageCleanup | undefined> {
  switch (route.page) {
    case 'runs':
      return renderRunsPage(main, route.filters);
    case 'run':
      return renderRunPage(main, route.runId);
    case 'review':
      return renderReviewPage(main);
    case 'catalog':
      return renderCatalogPage(main, route);
    case 'dashboard':
      return renderDashboardPage(main);
  }
}

function pageTitle(route: Route): string {
  return { runs: 'Runs', run: 'Run', review: 'Review queue', catalog: 'Catalog', dashboard: 'Dashboard' }[route.page];
}

function markNavigation(route: Route): void {
  const section = route.page === 'run' ? 'runs' : route.page;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.nav a')) {
    if (link.dataset.page === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function showPrincipal(): Promise<void> {
  const slot = document.getElementById('whoami');
  if (!slot) return;
  try {
    const me = await adminApi.me();
    replaceChildren(slot, el('span', { class: 'whoami-name' }, me.name), ' ', el('span', { class: 'badge' }, me.role));
    // A plain form: signing out works even when a page script has failed.
    document.getElementById('sign-out')?.removeAttribute('hidden');
  } catch {
    replaceChildren(slot, el('span', { class: 'muted' }, 'not signed in'));
    return;
  }
  await refreshReviewCount();
}

window.addEventListener('hashchange', () => void showRoute());
window.addEventListener(REVIEW_CHANGED_EVENT, (event) => showReviewCount((event as CustomEvent<number>).detail));
void showPrincipal();
void showRoute();
