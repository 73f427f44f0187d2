/** Where the admin is: the hash route, parsed. Pages never read location.hash themselves. */
export type Route =
  | { page: 'runs'; filters: Record<string, string> }
  | { page: 'run'; runId: string }
  | { page: 'review' }
  | { page: 'catalog'; kind: CatalogRouteKind; q: string; slug: string | null }
  | { page: 'dashboard' };

export type CatalogRouteKind = 'skills' | 'roles' | 'dimensions';

const CATALOG_KINDS: readonly CatalogRouteKind[] = ['skills', 'roles', 'dimensions'];

/** `#/runs?status=failed`, `#/runs/<id>`, `#/review`, `#/catalog/skills/<slug>?q=…`, `#/dashboard`; anything else is the runs list. */
export function parseRoute(hash: string): Route {
  const withoutMark = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = splitOnce(withoutMark, '?');
  const segments = path.split('/').filter(Boolean).map(safeDecode);
  const params = Object.fromEntries(new URLSearchParams(query));
  switch (segments[0]) {
    case 'runs':
      return segments[1] ? { page: 'run', runId: segments[1] } : { page: 'runs', filters: params };
    case 'review':
      return { page: 'review' };
    case 'dashboard':
      return { page: 'dashboard' };
    case 'catalog': {
      const kind = CATALOG_KINDS.find((candidate) => candidate === segments[1]) ?? 'skills';
      return { page: 'catalog', kind, q: params.q ?? '', slug: segments[2] ?? null };
    }
    default:
      return { page: 'runs', filters: params };
  }
}

/** The hash for a route; the inverse of parseRoute for every route it produces. */
export function routeHash(route: Route): string {
  switch (route.page) {
    case 'runs':
      return withQuery('#/runs', route.filters);
    case 'run':
      return `#/runs/${encodeURIComponent(route.runId)}`;
    case 'review':
      return '#/review';
    case 'dashboard':
      return '#/dashboard';
    case 'catalog': {
      const base = route.slug ? `#/catalog/${route.kind}/${encodeURIComponent(route.slug)}` : `#/catalog/${route.kind}`;
      return withQuery(base, route.q ? { q: route.q } : {});
    }
  }
}

function withQuery(base: string, params: Record<string, string>): string {
  const entries = Object.entries(params).filter(([, value]) => value !== '');
  return entries.length === 0 ? base : `${base}?${new URLSearchParams(entries).toString()}`;
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, ''] : [text.slice(0, index), text.slice(index + 1)];
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
