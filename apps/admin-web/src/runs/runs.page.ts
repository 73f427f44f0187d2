import { adminApi, ApiError } from '../api/admin-api.js';
import type { RunSummaryView } from '../api/api-types.js';
import { badge, emptyState, panel, statusBadge, table } from '../dom/components.js';
import { el, replaceChildren } from '../dom/el.js';
import { formatDateTime, formatPercent } from '../format/format.js';
import { routeHash } from '../routes/route.js';
import { pageWindow, RUNS_PAGE_SIZE, runFilterParams, runFilters, runsApiQuery, type RunFilters } from './runs-query.js';

const POLL_INTERVAL_MS = 400;
const POLL_ATTEMPTS = 150;

/** The runs list: filters in the hash (so a filtered list can be shared), a page of runs, and the ingest form. */
export async function renderRunsPage(main: HTMLElement, params: Record<string, string>): Promise<undefined> {
  const filters = runFilters(params);
  const page = await adminApi.listRuns(runsApiQuery(filters));
  replaceChildren(
    main,
    el(
      'div',
      { class: 'page-head' },
      el('h1', null, 'Runs'),
      el('p', { class: 'muted' }, `${page.total} run${page.total === 1 ? '' : 's'} match`),
    ),
    el(
      'div',
      { class: 'runs-layout' },
      el('div', { class: 'runs-main' }, filterForm(filters), runsTable(page.items), pager(filters, page.total)),
      ingestForm(),
    ),
  );
  return undefined;
}

function filterForm(filters: RunFilters): HTMLElement {
  const form = el(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter runs' },
    field('Search', el('input', { name: 'q', type: 'search', value: filters.q, placeholder: 'title, posting id or role' })),
    field(
      'Status',
      el(
        'select',
        { name: 'status' },
        [
          ['', 'any'],
          ['completed', 'completed'],
          ['rejected', 'rejected'],
          ['failed', 'failed'],
        ].map(([value, label]) => el('option', { value, selected: value === filters.status }, label)),
      ),
    ),
    field('Role', el('input', { name: 'role', type: 'text', value: filters.role, placeholder: 'role slug' })),
    field('From', el('input', { name: 'from', type: 'date', value: filters.from })),
    field('To', el('input', { name: 'to', type: 'date', value: filters.to })),
    el(
      'div',
      { class: 'filter-actions' },
      el('button', { type: 'submit', class: 'button primary' }, 'Apply'),
      el('a', { class: 'button', href: '#/runs' }, 'Clear'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries([...new FormData(form).entries()].map(([key, value]) => [key, String(value)]));
    window.location.hash = routeHash({ page: 'runs', filters: runFilterParams(runFilters(values)) });
  });
  return form;
}

function field(label: string, control: HTMLElement): HTMLElement {
  return el('label', { class: 'field' }, el('span', { class: 'field-label' }, label), control);
}

function runsTable(runs: readonly RunSummaryView[]): HTMLElement {
  if (runs.length === 0) return emptyState('No runs match these filters yet. Ingest a posting to see one here.');
  return table(
    ['Posting', 'Status', 'Role', 'Decision', 'Created'],
    runs.map((run) => [
      el(
        'div',
        { class: 'cell-main' },
        el('a', { href: routeHash({ page: 'run', runId: run.runId }), class: 'run-link' }, run.title ?? '(untitled posting)'),
        el('span', { class: 'cell-sub mono' }, run.postingId),
      ),
      el('div', null, statusBadge(run.status), run.rejectionCode ? el('span', { class: 'cell-sub mono' }, run.rejectionCode) : null),
      run.roleSlug
        ? el(
            'div',
            { class: 'cell-main' },
            run.roleName ?? run.roleSlug,
            run.roleName ? el('span', { class: 'cell-sub mono' }, run.roleSlug) : null,
          )
        : '—',
      run.decisionCase ? el('span', null, badge(run.decisionCase, 'case'), ' ', formatPercent(run.confidence)) : '—',
      el('span', { class: 'nowrap' }, formatDateTime(run.createdAt)),
    ]),
    { caption: 'Runs', className: 'runs-table' },
  );
}

function pager(filters: RunFilters, total: number): HTMLElement {
  const window_ = pageWindow(total, RUNS_PAGE_SIZE, filters.offset);
  const link = (label: string, offset: number | null) =>
    offset === null
      ? el('span', { class: 'button disabled', 'aria-disabled': 'true' }, label)
      : el('a', { class: 'button', href: routeHash({ page: 'runs', filters: runFilterParams({ ...filters, offset }) }) }, label);
  return el(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    link('← Newer', window_.previousOffset),
    el('span', { class: 'muted' }, total === 0 ? 'nothing to show' : `${window_.first}–${window_.last} of ${total}`),
    link('Older →', window_.nextOffset),
  );
}

function ingestForm(): HTMLElement {
  const status = el('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const title = el('input', {
    id: 'ingest-posting-title',
    name: 'title',
    type: 'text',
    required: true,
    placeholder: 'e.g. Senior Backend Developer',
  });
  const text = el('textarea', {
    id: 'ingest-posting-text',
    name: 'description',
    rows: 10,
    required: true,
    placeholder: 'Paste the posting text',
  });
  const submit = el('button', { type: 'submit', class: 'button primary' }, 'Run the pipeline');
  const form = el(
    'form',
    { class: 'ingest', 'aria-labelledby': 'ingest-title' },
    el('label', { class: 'field' }, el('span', { class: 'field-label' }, 'Title'), title),
    el('label', { class: 'field' }, el('span', { class: 'field-label' }, 'Posting text'), text),
    submit,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.textContent = 'Submitting…';
    void ingest(title.value.trim(), text.value)
      .then((runId) => {
        window.location.hash = routeHash({ page: 'run', runId });
      })
      .catch((error: unknown) => {
        status.textContent = error instanceof Error ? error.message : String(error);
        submit.disabled = false;
      });
  });
  return panel(
    'Ingest a posting',
    { id: 'ingest', className: 'ingest-panel', subtitle: 'Runs it through the pipeline and opens its run page.' },
    form,
  );
}

/** Submits one posting and waits until its run is stored: the API answers 202 before the pipeline finishes. */
async function ingest(title: string, description: string): Promise<string> {
  const { runs } = await adminApi.submitPosting({ title, description });
  const runId = runs[0]?.runId;
  if (!runId) throw new Error('The API accepted the posting but returned no run id.');
  for (let attempt = 0; attempt < POLL_ATTEMPTS; attempt++) {
    try {
      await adminApi.getRun(runId);
      return runId;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(`Run ${runId} did not finish within a minute; it will appear in the list when it does.`);
}
