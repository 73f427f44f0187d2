import { adminApi } from '../api/admin-api.js';
import type { CatalogEntryView } from '../api/api-types.js';
import { emptyState, panel } from '../dom/components.js';
import { el, replaceChildren } from '../dom/el.js';
import { routeHash, type CatalogRouteKind, type Route } from '../routes/route.js';
import { catalogEntryFacts } from './catalog-entry.view.js';

const KIND_LABEL: Record<CatalogRouteKind, string> = { skills: 'Skills', roles: 'Roles', dimensions: 'Dimensions' };

/** Search one kind of catalog entry; the selected entry's aliases, links and history beside the results. */
export async function renderCatalogPage(main: HTMLElement, route: Extract<Route, { page: 'catalog' }>): Promise<undefined> {
  const [list, entry] = await Promise.all([
    adminApi.searchCatalog(route.kind, route.q),
    route.slug ? adminApi.getCatalogEntry(route.kind, route.slug) : Promise.resolve(null),
  ]);
  replaceChildren(
    main,
    el(
      'div',
      { class: 'page-head' },
      el('h1', null, 'Catalog'),
      el('p', { class: 'muted' }, list.catalogVersion === undefined ? '' : `Catalog version ${list.catalogVersion}`),
    ),
    el(
      'nav',
      { class: 'tabs', 'aria-label': 'Catalog kind' },
      (Object.keys(KIND_LABEL) as CatalogRouteKind[]).map((kind) =>
        el(
          'a',
          { href: routeHash({ page: 'catalog', kind, slug: null, q: '' }), 'aria-current': kind === route.kind ? 'page' : undefined },
          KIND_LABEL[kind],
        ),
      ),
    ),
    searchForm(route),
    el('div', { class: 'catalog-layout' }, resultsList(route, list.items, list.total), entry ? entryPanel(route.kind, entry) : null),
  );
  return undefined;
}

function searchForm(route: Extract<Route, { page: 'catalog' }>): HTMLElement {
  const input = el('input', {
    type: 'search',
    name: 'q',
    id: 'catalog-q',
    value: route.q,
    placeholder: `Search ${KIND_LABEL[route.kind].toLowerCase()} by name or alias`,
  });
  const form = el(
    'form',
    { class: 'catalog-search', role: 'search' },
    el('label', { for: 'catalog-q', class: 'sr-only' }, `Search ${KIND_LABEL[route.kind]}`),
    input,
    el('button', { type: 'submit', class: 'button primary' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.hash = routeHash({ page: 'catalog', kind: route.kind, slug: null, q: input.value.trim() });
  });
  return form;
}

function resultsList(route: Extract<Route, { page: 'catalog' }>, items: readonly CatalogEntryView[], total: number): HTMLElement {
  return el(
    'section',
    { class: 'panel catalog-results', 'aria-label': 'Results' },
    el('p', { class: 'muted' }, items.length < total ? `${items.length} of ${total} shown` : `${total} found`),
    items.length === 0
      ? emptyState(route.q ? `Nothing matches “${route.q}”.` : 'Nothing here yet.')
      : el(
          'ul',
          { class: 'result-list' },
          items.map((item) =>
            el(
              'li',
              { class: item.slug === route.slug ? 'selected' : '' },
              el(
                'a',
                {
                  href: routeHash({ page: 'catalog', kind: route.kind, slug: item.slug, q: route.q }),
                  'aria-current': item.slug === route.slug ? 'true' : undefined,
                },
                el('span', { class: 'result-name' }, displayName(item)),
                el('span', { class: 'result-sub' }, [item.category ?? item.domain ?? '', item.slug].filter(Boolean).join(' · ')),
              ),
            ),
          ),
        ),
  );
}

function entryPanel(kind: CatalogRouteKind, entry: Record<string, unknown>): HTMLElement {
  const name = displayName(entry as CatalogEntryView);
  return panel(
    name,
    { id: 'catalog-entry', className: 'catalog-entry', subtitle: `${KIND_LABEL[kind].replace(/s$/, '')} · ${String(entry.slug ?? '')}` },
    catalogEntryFacts(entry),
  );
}

function displayName(entry: CatalogEntryView): string {
  return entry.name ?? entry.displayName ?? entry.slug;
}
