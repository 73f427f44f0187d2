import type { DataSource } from 'typeorm';

import type { CatalogRole } from '@jdpipe/catalog';
import { readEscoDirectory, type ImportBatch } from '@jdpipe/catalog-import';
import { CatalogImportStore, CatalogStore, createDataSource, type DatabaseTarget } from '@jdpipe/persistence';
import { prepareDatabase } from '@jdpipe/runtime';

/** A catalog with ESCO occupations in it, and the ESCO preferred labels each role answers to. */
export interface EscoCatalog {
  roles: CatalogRole[];
  /** Lower-cased ESCO preferred labels per role slug; a role merged from several occupations has several. */
  escoLabelsBySlug: Map<string, string[]>;
  /** Where the catalog came from: the current database, or a fresh in-memory import. */
  origin: 'current' | 'in-memory import';
  loadMs: number;
}

/**
 * The current catalog when it already holds ESCO occupations; otherwise ESCO imported into an in-memory
 * database (migrations, seed sync, import), as `jdpipe catalog import esco` would do it. The ESCO files are
 * read either way: they carry the preferred labels that merged roles no longer show as their names.
 */
export async function loadEscoCatalog(escoDir: string, current: DatabaseTarget, seedDir: string | undefined): Promise<EscoCatalog> {
  const started = performance.now();
  const batch = await readEscoDirectory(escoDir, {});
  if (batch.roles.length === 0) throw new Error(`no ESCO occupations could be read from ${escoDir}`);
  const fromCurrent = await openIfItHasEsco(current);
  const dataSource = fromCurrent ?? (await importIntoMemory(batch, seedDir));
  try {
    const catalog = await new CatalogStore(dataSource).loadCatalog();
    const escoLabelsBySlug = await escoLabelsOfRoles(dataSource, batch);
    return {
      roles: catalog.roles,
      escoLabelsBySlug,
      origin: fromCurrent ? 'current' : 'in-memory import',
      loadMs: performance.now() - started,
    };
  } finally {
    await dataSource.destroy();
  }
}

async function openIfItHasEsco(target: DatabaseTarget): Promise<DataSource | null> {
  // A database folder that does not exist yet would be created by opening it: nothing to look at there.
  if (target.kind === 'pglite' && target.dataDir === null) return null;
  let dataSource: DataSource | null = null;
  try {
    dataSource = await createDataSource(target);
    const [row]: Array<{ count: string }> = await dataSource.query(
      `SELECT count(*) AS count FROM catalog_import_entries WHERE source = 'esco' AND kind = 'role' AND retired_at IS NULL`,
    );
    if (Number(row?.count ?? 0) > 0) return dataSource;
  } catch {
    // No import table yet (an unmigrated or empty database): import into memory instead.
  }
  await dataSource?.destroy();
  return null;
}

async function importIntoMemory(batch: ImportBatch, seedDir: string | undefined): Promise<DataSource> {
  const dataSource = await createDataSource({ kind: 'pglite', dataDir: null });
  await prepareDatabase(dataSource, seedDir);
  await new CatalogImportStore(dataSource).importBatch(batch);
  return dataSource;
}

async function escoLabelsOfRoles(dataSource: DataSource, batch: ImportBatch): Promise<Map<string, string[]>> {
  const preferredLabel = new Map(batch.roles.map((role) => [role.externalId, role.name.toLowerCase()]));
  const rows: Array<{ external_id: string; slug: string }> = await dataSource.query(
    `SELECT e.external_id, r.slug FROM catalog_import_entries e JOIN roles r ON r.id = e.role_id
     WHERE e.source = 'esco' AND e.kind = 'role' AND e.retired_at IS NULL AND r.retired_at IS NULL`,
  );
  const labels = new Map<string, string[]>();
  for (const { external_id: externalId, slug } of rows) {
    const label = preferredLabel.get(externalId);
    if (label) labels.set(slug, [...(labels.get(slug) ?? []), label]);
  }
  return labels;
}
