import { adminApi, ApiError } from '../api/admin-api.js';
import { el, type Child } from './el.js';

/** Fired on window after a review action, so the navigation's pending count follows. */
export const REVIEW_CHANGED_EVENT = 'jdpipe:review-changed';

/** A titled card; `id` makes it a jump target of the page's table of contents. */
export function panel(
  title: string,
  options: { id?: string; subtitle?: Child; className?: string } | null,
  ...children: Child[]
): HTMLElement {
  const headingId = options?.id ? `${options.id}-title` : undefined;
  return el(
    'section',
    { class: `panel ${options?.className ?? ''}`.trim(), id: options?.id, 'aria-labelledby': headingId },
    el(
      'header',
      { class: 'panel-head' },
      el('h2', { id: headingId }, title),
      options?.subtitle ? el('p', { class: 'panel-sub' }, options.subtitle) : null,
    ),
    ...children,
  );
}

/** Label/value pairs; values may be nodes. */
export function facts(rows: ReadonlyArray<[string, Child]>): HTMLElement {
  return el(
    'dl',
    { class: 'facts' },
    rows.map(([label, value]) => el('div', { class: 'fact' }, el('dt', null, label), el('dd', null, value))),
  );
}

export function badge(text: string, tone = ''): HTMLElement {
  return el('span', { class: `badge ${tone ? `badge-${tone}` : ''}`.trim() }, text);
}

export function statusBadge(status: string): HTMLElement {
  return badge(status, status === 'completed' ? 'ok' : status === 'failed' ? 'bad' : status === 'rejected' ? 'warn' : '');
}

/** A horizontal bar for a 0..1 share, with its value spoken by screen readers. */
export function meter(share: number, label: string): HTMLElement {
  const fill = el('span', { class: 'meter-fill' });
  fill.style.width = `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
  return el('span', { class: 'meter', role: 'img', 'aria-label': label }, fill);
}

/** A table; on a phone each row becomes a card of labelled cells (`data-label`), so nothing scrolls sideways. */
export function table(
  headings: readonly string[],
  rows: readonly Child[][],
  options: { caption?: string; className?: string } = {},
): HTMLElement {
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { class: options.className },
      options.caption ? el('caption', { class: 'sr-only' }, options.caption) : null,
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          headings.map((heading) => el('th', { scope: 'col' }, heading)),
        ),
      ),
      el(
        'tbody',
        null,
        rows.map((cells) =>
          el(
            'tr',
            null,
            cells.map((cell, index) => el('td', { 'data-label': headings[index] }, el('div', { class: 'cell' }, cell))),
          ),
        ),
      ),
    ),
  );
}

export function emptyState(text: string): HTMLElement {
  return el('p', { class: 'empty' }, text);
}

/** A failed page load: sign-in problems get their own explanation, the rest the API's problem text. */
export function errorPanel(error: unknown): HTMLElement {
  if (error instanceof ApiError && error.status === 401) {
    return el(
      'section',
      { class: 'panel notice', role: 'alert' },
      el('h1', null, 'Not signed in'),
      el('p', null, 'Open the one-time login link that ', el('code', null, 'jdpipe serve'), ' printed.'),
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return el('section', { class: 'panel notice error', role: 'alert' }, el('h1', null, 'Something went wrong'), el('p', null, message));
}

export async function refreshReviewCount(): Promise<void> {
  try {
    showReviewCount((await adminApi.listReview('pending')).items.length);
  } catch {
    showReviewCount(0);
  }
}

/** The pending-proposal badge of the header; hidden at zero. */
export function showReviewCount(pending: number): void {
  const slot = document.getElementById('review-count');
  if (!slot) return;
  slot.textContent = String(pending);
  slot.hidden = pending === 0;
}
