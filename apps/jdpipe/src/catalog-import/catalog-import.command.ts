import { isTaxonomySource, TAXONOMY_SOURCES } from '@jdpipe/catalog';
import { readEscoDirectory, readOnetDirectory, type ImportBatch } from '@jdpipe/catalog-import';
import { CatalogImportStore, createDataSource, type CatalogImportReport, type DatabaseTarget } from '@jdpipe/persistence';
import { prepareDatabase } from '@jdpipe/runtime';

import { formatMs } from '../report/run-report.renderer';

export interface CatalogImportOptions {
  release?: string;
  stderr?: NodeJS.WriteStream;
}

/**
 * `jdpipe catalog import esco|onet DIR`: reads a taxonomy download and merges it into the catalog of the
 * embedded database (or DATABASE_URL), after migrations and the seed sync. Malformed rows are listed, never
 * fatal; the exit code is 1 only when nothing could be read at all.
 */
export async function importCatalog(
  source: string,
  dir: string,
  target: DatabaseTarget,
  seedDir: string | undefined,
  options: CatalogImportOptions = {},
): Promise<number> {
  if (!isTaxonomySource(source)) {
    process.stderr.write(`unknown taxonomy "${source}": expected one of ${TAXONOMY_SOURCES.join(', ')}\n`);
    return 2;
  }
  const progress = new ProgressLine(options.stderr ?? process.stderr);
  const started = performance.now();
  const read = source === 'esco' ? readEscoDirectory : readOnetDirectory;
  const batch: ImportBatch = await read(dir, {
    release: options.release,
    onProgress: (file, rows) => progress.show(`reading ${file}: ${rows.toLocaleString('en-US')} rows`),
  });
  progress.show(`read ${batch.skills.length} skills, ${batch.roles.length} roles in ${formatMs(performance.now() - started)}`);
  if (batch.skills.length + batch.roles.length === 0) {
    progress.done();
    process.stdout.write(renderImportSummary({ ...emptyCounts(batch), problems: batch.problems }, performance.now() - started));
    return 1;
  }

  const dataSource = await createDataSource(target);
  try {
    progress.show('migrating and syncing the seed catalog');
    await prepareDatabase(dataSource, seedDir);
    const report = await new CatalogImportStore(dataSource).importBatch(batch, (stage) => progress.show(stage));
    progress.done();
    process.stdout.write(renderImportSummary(report, performance.now() - started));
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

function emptyCounts(batch: ImportBatch): CatalogImportReport {
  const zero = { added: 0, changed: 0, unchanged: 0, retired: 0, merged: 0 };
  return {
    source: batch.source,
    release: batch.release,
    catalogVersion: null,
    versionBumped: false,
    skills: zero,
    roles: zero,
    aliasesWritten: 0,
    linksWritten: 0,
    collidingAliasesSkipped: 0,
    droppedAliases: batch.droppedAliases,
    problems: batch.problems,
  };
}

const MAX_PROBLEMS_LISTED = 50;

/** The summary table: counts per kind, alias and link figures, then the problems by file and line. */
export function renderImportSummary(report: CatalogImportReport, elapsedMs: number): string {
  const rows = [
    ['', 'added', 'merged', 'changed', 'unchanged', 'retired'],
    ...(['skills', 'roles'] as const).map((kind) => {
      const counts = report[kind];
      return [kind, counts.added, counts.merged, counts.changed, counts.unchanged, counts.retired].map(String);
    }),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const table = rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '))
    .join('\n');
  const dropped = report.droppedAliases;
  const version = report.versionBumped
    ? `catalog version ${report.catalogVersion}`
    : `no change: catalog version stays ${report.catalogVersion ?? 'unset'}`;
  const lines = [
    `${report.source} ${report.release} imported in ${formatMs(elapsedMs)}: ${version}`,
    '',
    table,
    '',
    `aliases written ${report.aliasesWritten}, role↔skill links written ${report.linksWritten}`,
    `aliases left out: ${dropped.short} too short, ${dropped.numeric} numeric, ${dropped.generic} generic, ${report.collidingAliasesSkipped} already another entry's`,
    `problems: ${report.problems.length}`,
    ...report.problems.slice(0, MAX_PROBLEMS_LISTED).map((problem) => `  ${problem.file}:${problem.line}  ${problem.message}`),
    ...(report.problems.length > MAX_PROBLEMS_LISTED ? [`  … and ${report.problems.length - MAX_PROBLEMS_LISTED} more`] : []),
  ];
  return lines.join('\n') + '\n';
}

/** One self-rewriting status line on a terminal; occasional plain lines otherwise. */
class ProgressLine {
  private lastDraw = 0;
  private readonly started = performance.now();

  constructor(private readonly stream: NodeJS.WriteStream) {}

  show(text: string): void {
    const now = performance.now();
    if (now - this.lastDraw < 100 && !text.startsWith('read ')) return;
    this.lastDraw = now;
    const line = `[${formatMs(now - this.started)}] ${text}`;
    if (this.stream.isTTY) this.stream.write(`\r${line}\u001b[K`);
    else if (!text.startsWith('reading ')) this.stream.write(line + '\n');
  }

  done(): void {
    if (this.stream.isTTY) this.stream.write('\r\u001b[K');
  }
}
