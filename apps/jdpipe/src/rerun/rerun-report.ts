import type { RunDocument } from '@jdpipe/contracts';

import { renderTable } from '../review/text-table';
import type { AffectedRun, AffectedRunSelection } from './affected-runs';

/** What a rerun changed for one posting. */
export interface RunComparison {
  before: RunDocument;
  /** Null when the rerun did not finish in time (Kafka deployment). */
  after: RunDocument | null;
  roleBefore: string | null;
  roleAfter: string | null;
  skillsAdded: string[];
  skillsRemoved: string[];
}

/** Compares catalog skills only: a proposal that became a catalog skill counts as that skill added. */
export function compareRuns(before: RunDocument, after: RunDocument | null): RunComparison {
  const skillsBefore = catalogSkillsOf(before);
  const skillsAfter = after ? catalogSkillsOf(after) : new Set<string>();
  return {
    before,
    after,
    roleBefore: roleOf(before),
    roleAfter: after ? roleOf(after) : null,
    skillsAdded: after ? [...skillsAfter].filter((slug) => !skillsBefore.has(slug)).sort() : [],
    skillsRemoved: after ? [...skillsBefore].filter((slug) => !skillsAfter.has(slug)).sort() : [],
  };
}

function catalogSkillsOf(run: RunDocument): Set<string> {
  return new Set(run.skills.filter((skill) => skill.status === 'in_catalog').map((skill) => skill.slug));
}

function roleOf(run: RunDocument): string | null {
  if (run.status !== 'completed') return run.status;
  return run.role ? run.role.slug : null;
}

/** The runs a rerun would take, with why: what `--dry-run` prints. */
export function renderSelection(selection: AffectedRunSelection, since: number, current: number): string {
  const rows = selection.affected.map(({ run, matchedTerms }: AffectedRun) => [
    shortId(run.runId),
    run.postingId,
    run.posting.title ?? '',
    `v${run.catalogVersion}`,
    matchedTerms.length > 0 ? matchedTerms.join(', ') : '(all)',
  ]);
  const table = rows.length > 0 ? renderTable(['RUN', 'POSTING', 'TITLE', 'CATALOG', 'MENTIONS'], rows, 60) : '';
  return `${table}${describeScope(selection, since, current)}`;
}

/** Before → after per rerun, then a summary. */
export function renderComparisons(comparisons: RunComparison[], selection: AffectedRunSelection, since: number, current: number): string {
  const rows = comparisons.map((comparison) => [
    shortId(comparison.before.runId),
    comparison.after ? shortId(comparison.after.runId) : '(pending)',
    comparison.before.posting.title ?? comparison.before.postingId,
    comparison.after ? `${comparison.roleBefore ?? '-'} → ${comparison.roleAfter ?? '-'}` : (comparison.roleBefore ?? '-'),
    comparison.skillsAdded.map((slug) => `+${slug}`).join(' '),
    comparison.skillsRemoved.map((slug) => `-${slug}`).join(' '),
  ]);
  const table = rows.length > 0 ? renderTable(['RUN', 'RERUN', 'TITLE', 'ROLE', 'SKILLS ADDED', 'SKILLS REMOVED'], rows, 60) : '';
  const finished = comparisons.filter((comparison) => comparison.after !== null);
  const roleChanged = finished.filter((comparison) => comparison.roleBefore !== comparison.roleAfter).length;
  const skillsChanged = finished.filter((comparison) => comparison.skillsAdded.length + comparison.skillsRemoved.length > 0).length;
  const added = finished.reduce((sum, comparison) => sum + comparison.skillsAdded.length, 0);
  const removed = finished.reduce((sum, comparison) => sum + comparison.skillsRemoved.length, 0);
  const unfinished = comparisons.length - finished.length;
  return (
    `${table}${describeScope(selection, since, current)}` +
    `rerun ${plural(finished.length, 'run')}: role changed in ${roleChanged}, skills changed in ${skillsChanged} (+${added} / -${removed}), ` +
    `unchanged ${finished.length - countChanged(finished)}` +
    (unfinished > 0 ? `; ${unfinished} still running (see \`jdpipe\` runs later)` : '') +
    '\n'
  );
}

function countChanged(comparisons: RunComparison[]): number {
  return comparisons.filter(
    (comparison) => comparison.roleBefore !== comparison.roleAfter || comparison.skillsAdded.length + comparison.skillsRemoved.length > 0,
  ).length;
}

function describeScope(selection: AffectedRunSelection, since: number, current: number): string {
  const unattributed = selection.unattributedVersions.map((change) => `v${change.version} (${change.reason})`).join(', ');
  return (
    `${plural(selection.considered, 'posting')} last run with catalog ${current - 1 > since ? `v${since}..v${current - 1}` : `v${since}`}; ` +
    `${selection.affected.length} affected by changes up to v${current}\n` +
    (unattributed ? `versions that do not say what they changed, so every older run counts: ${unattributed}\n` : '')
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function shortId(runId: string): string {
  return runId.slice(0, 8);
}
