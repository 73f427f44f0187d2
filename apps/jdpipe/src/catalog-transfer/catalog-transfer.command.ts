import { readFileSync } from 'node:fs';

import type { DataSource } from 'typeorm';

import { CatalogStore, createDataSource, type DatabaseTarget } from '@jdpipe/persistence';
import { prepareDatabase } from '@jdpipe/runtime';

import { readCatalogFile, toCatalogFile } from './catalog-file';
import { CatalogFileStore, type CatalogFileImportResult } from './catalog-file.store';

export type TextSink = (text: string) => void;

const MAX_ERRORS_LISTED = 100;

/** `jdpipe catalog export`: the current catalog as sorted JSON on stdout. */
export async function exportCatalog(
  target: DatabaseTarget,
  seedDir: string | undefined,
  stdout: TextSink = (text) => process.stdout.write(text),
): Promise<number> {
  return withDatabase(target, seedDir, async (dataSource) => {
    stdout(await exportCatalogJson(dataSource, new Date()));
    return 0;
  });
}

/** `jdpipe catalog import-file FILE`: validates an exported catalog, then writes it in one transaction. */
export async function importCatalogFile(
  file: string,
  target: DatabaseTarget,
  seedDir: string | undefined,
  output: { stdout: TextSink; stderr: TextSink } = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
): Promise<number> {
  const text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  const reading = readCatalogFile(text);
  if (!reading.ok) {
    output.stderr(renderRefusal(file, reading.errors));
    return 1;
  }
  for (const warning of reading.warnings) output.stderr(`warning: ${warning}\n`);
  return withDatabase(target, seedDir, async (dataSource) => {
    const result = await new CatalogFileStore(dataSource).importCatalog(reading.catalog);
    output.stdout(renderImportResult(file, result));
    return 0;
  });
}

/** The export document, ending with a newline. */
export async function exportCatalogJson(dataSource: DataSource, exportedAt: Date): Promise<string> {
  const catalog = await new CatalogStore(dataSource).loadCatalog();
  return JSON.stringify(toCatalogFile(catalog, exportedAt), null, 2) + '\n';
}

export function renderRefusal(file: string, errors: string[]): string {
  const listed = errors.slice(0, MAX_ERRORS_LISTED).map((error) => `  ${error}\n`);
  const more = errors.length > MAX_ERRORS_LISTED ? [`  … and ${errors.length - MAX_ERRORS_LISTED} more\n`] : [];
  return [`${file}: refused, ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was written\n`, ...listed, ...more].join('');
}

export function renderImportResult(file: string, result: CatalogFileImportResult): string {
  if (!result.versionBumped) return `${file}: no change: catalog version stays ${result.catalogVersion ?? 'unset'}\n`;
  const changes = Object.entries(result.changes).map(([table, count]) => `${table} ${count}`);
  return `${file}: imported as catalog version ${result.catalogVersion} (rows written: ${changes.join(', ')})\n`;
}

// Migrations and the seed sync first, as for every other command that opens the catalog.
async function withDatabase(
  target: DatabaseTarget,
  seedDir: string | undefined,
  work: (dataSource: DataSource) => Promise<number>,
): Promise<number> {
  const dataSource = await createDataSource(target);
  try {
    await prepareDatabase(dataSource, seedDir);
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
