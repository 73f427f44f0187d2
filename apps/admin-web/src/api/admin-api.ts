import type { CatalogListView, PrincipalView, ReviewActionOutcomeView, ReviewItemView, RunPage, RunView, StatsView } from './api-types.js';

/** An answer other than 2xx, carrying the problem+json title and detail when the server sent them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type CatalogKind = 'skills' | 'roles' | 'dimensions';

/**
 * The v1 API as the admin calls it: same-origin, authenticated by the session cookie that the sign-in page or
 * the login link set; the X-Requested-With header is what lets cookie-authenticated writes through.
 */
export const adminApi = {
  me: () => request<PrincipalView>('GET', '/v1/me'),
  listRuns: (query: URLSearchParams) => request<RunPage>('GET', `/v1/runs?${query.toString()}`),
  getRun: (runId: string) => request<RunView>('GET', `/v1/runs/${encodeURIComponent(runId)}`),
  submitPosting: (posting: { title: string; description: string }) =>
    request<{ runs: Array<{ runId: string; postingId: string }> }>('POST', '/v1/postings', posting),
  listReview: (status: string) => request<{ items: ReviewItemView[] }>('GET', `/v1/review?status=${encodeURIComponent(status)}&limit=200`),
  approve: (id: number) => request<ReviewActionOutcomeView>('POST', `/v1/review/${id}/approve`, {}),
  reject: (id: number) => request<ReviewActionOutcomeView>('POST', `/v1/review/${id}/reject`, {}),
  merge: (id: number, into: string) => request<ReviewActionOutcomeView>('POST', `/v1/review/${id}/merge`, { into }),
  undo: (actionId: number) => request<unknown>('POST', `/v1/review/actions/${actionId}/undo`, {}),
  searchCatalog: (kind: CatalogKind, q: string) =>
    request<CatalogListView>('GET', `/v1/catalog/${kind}?q=${encodeURIComponent(q)}&limit=100`),
  getCatalogEntry: (kind: CatalogKind, slug: string) =>
    request<Record<string, unknown>>('GET', `/v1/catalog/${kind}/${encodeURIComponent(slug)}`),
  stats: (days: number) => request<StatsView>('GET', `/v1/stats?days=${days}`),
};

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'X-Requested-With': 'jdpipe-admin', Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // No session, or it ended (signed out elsewhere, expired, its key revoked): off to the sign-in page.
  if (response.status === 401) sendToSignIn();
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, problemMessage(response.status, parsed));
  return parsed as T;
}

/** The server's sign-in page brings the person back to the page route they were on. */
function sendToSignIn(): void {
  window.location.assign(`/admin/login?next=${encodeURIComponent(window.location.hash)}`);
}

function problemMessage(status: number, body: unknown): string {
  if (body && typeof body === 'object') {
    const problem = body as { title?: unknown; detail?: unknown };
    const parts = [problem.title, problem.detail].filter((part): part is string => typeof part === 'string' && part.length > 0);
    if (parts.length > 0) return `${status}: ${parts.join(' — ')}`;
  }
  return `${status}: request failed`;
}
