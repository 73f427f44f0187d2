/** The filters of the runs list, as the hash route carries them and the API expects them. */
export interface RunFilters {
  status: string;
  role: string;
  q: string;
  from: string;
  to: string;
  offset: number;
}

export const RUNS_PAGE_SIZE = 25;

const STATUSES = ['completed', 'rejected', 'failed'];

/** Filters from route parameters; an unknown status or a bad offset is dropped rather than sent on. */
export function runFilters(params: Record<string, string>): RunFilters {
  const offset = Number.parseInt(params.offset ?? '', 10);
  return {
    status: STATUSES.includes(params.status ?? '') ? (params.status as string) : '',
    role: (params.role ?? '').trim(),
    q: (params.q ?? '').trim(),
    from: isIsoDate(params.from) ? (params.from as string) : '',
    to: isIsoDate(params.to) ? (params.to as string) : '',
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

/** The query string of GET /v1/runs for these filters; empty filters are left out. */
export function runsApiQuery(filters: RunFilters, limit = RUNS_PAGE_SIZE): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ['status', 'role', 'q', 'from', 'to'] as const) if (filters[key]) query.set(key, filters[key]);
  query.set('limit', String(limit));
  query.set('offset', String(filters.offset));
  return query;
}

/** Route parameters for the same filters (the inverse of runFilters). */
export function runFilterParams(filters: RunFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['status', 'role', 'q', 'from', 'to'] as const) if (filters[key]) params[key] = filters[key];
  if (filters.offset > 0) params.offset = String(filters.offset);
  return params;
}

export interface PageWindow {
  /** 1-based positions of the first and last item shown; 0 and 0 when the list is empty. */
  first: number;
  last: number;
  previousOffset: number | null;
  nextOffset: number | null;
}

export function pageWindow(total: number, limit: number, offset: number): PageWindow {
  const shown = Math.max(0, Math.min(limit, total - offset));
  return {
    first: shown === 0 ? 0 : offset + 1,
    last: offset + shown,
    previousOffset: offset > 0 ? Math.max(0, offset - limit) : null,
    nextOffset: offset + limit < total ? offset + limit : null,
  };
}

function isIsoDate(value: string | undefined): boolean {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}
