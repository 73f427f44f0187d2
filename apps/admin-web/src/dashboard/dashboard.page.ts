import { adminApi } from '../api/admin-api.js';
import { PROPOSAL_KINDS, type StatsView } from '../api/api-types.js';
import { barChart, stackedColumnChart } from '../charts/charts.view.js';
import { emptyState, panel } from '../dom/components.js';
import { el, replaceChildren } from '../dom/el.js';
import { formatCount } from '../format/format.js';
import { failureBars, failuresSubtitle } from './failure-bars.js';

const DAYS = 30;
const TOP = 10;

/** The state of the pipeline at a glance, from GET /v1/stats. */
export async function renderDashboardPage(main: HTMLElement): Promise<undefined> {
  const stats = await adminApi.stats(DAYS);
  const runs = stats.runsPerDay.reduce((sum, day) => sum + day.completed + day.rejected + day.failed, 0);
  replaceChildren(
    main,
    el(
      'div',
      { class: 'page-head' },
      el('h1', null, 'Dashboard'),
      el('p', { class: 'muted' }, `Last ${DAYS} days · catalog version ${stats.catalogVersion}`),
    ),
    el(
      'div',
      { class: 'kpis' },
      kpi('Runs', runs),
      kpi(
        'Completed',
        stats.runsPerDay.reduce((sum, day) => sum + day.completed, 0),
      ),
      kpi('Pending proposals', stats.proposalsPending.total, '#/review'),
      kpi('Failures', stats.failures.total),
    ),
    panel(
      'Runs per day',
      { id: 'chart-runs', className: 'wide' },
      runs === 0
        ? emptyState('No runs in this period.')
        : stackedColumnChart(
            'Runs per day by status',
            stats.runsPerDay.map((day) => ({
              label: day.day.slice(5),
              values: { completed: day.completed, rejected: day.rejected, failed: day.failed },
            })),
            [
              { key: 'completed', label: 'completed', className: 'fill-ok' },
              { key: 'rejected', label: 'rejected', className: 'fill-warn' },
              { key: 'failed', label: 'failed', className: 'fill-bad' },
            ],
          ),
    ),
    el(
      'div',
      { class: 'chart-grid' },
      panel(
        'Roles',
        { id: 'chart-roles', subtitle: 'Runs per chosen role' },
        bars(
          'Runs per role',
          stats.roleDistribution.map((role) => ({ label: role.roleName, value: role.runs })),
        ),
      ),
      panel(
        'Top skills',
        { id: 'chart-skills', subtitle: 'Runs mentioning the skill' },
        bars(
          'Top skills',
          stats.topSkills.map((skill) => ({ label: skill.name, value: skill.runs })),
        ),
      ),
      panel(
        'Pending proposals',
        { id: 'chart-proposals', subtitle: `${formatCount(stats.proposalsPending.total)} waiting for review` },
        pendingChart(stats),
      ),
      panel(
        'Failures',
        { id: 'chart-failures', subtitle: failuresSubtitle(stats) },
        bars('Failures by code and dead letters by topic', failureBars(stats), 'bar-bad'),
      ),
    ),
  );
  return undefined;
}

function kpi(label: string, value: number, href?: string): HTMLElement {
  const content = [el('span', { class: 'kpi-value' }, formatCount(value)), el('span', { class: 'kpi-label' }, label)];
  return href ? el('a', { class: 'kpi', href }, content) : el('div', { class: 'kpi' }, content);
}

function bars(title: string, entries: Array<{ label: string; value: number }>, className?: string): Element {
  if (entries.length === 0) return emptyState('Nothing yet.');
  return barChart(title, [...entries].sort((a, b) => b.value - a.value).slice(0, TOP), className);
}

function pendingChart(stats: StatsView): Element {
  return barChart(
    'Pending proposals by kind',
    PROPOSAL_KINDS.map((kind) => ({ label: kind === 'kra' ? 'KRA' : kind, value: stats.proposalsPending.byKind[kind] ?? 0 })),
    'bar-accent',
  );
}
