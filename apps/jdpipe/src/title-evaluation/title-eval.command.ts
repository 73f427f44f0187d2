import { readFileSync } from 'node:fs';

import { parseTitleCases, scoreTitleRankings, type RankedTitle, type TitleAccuracy } from '@jdpipe/evaluation';
import type { DatabaseTarget } from '@jdpipe/persistence';
import type { CatalogRole } from '@jdpipe/catalog';
import { normaliseTitle, TitleIndex } from '@jdpipe/role-matching';

import { formatMs } from '../report/run-report.renderer';
import { loadEscoCatalog, type EscoCatalog } from './esco-catalog';

export interface TitleEvalOptions {
  top: number;
  escoDir: string;
  json: boolean;
}

export interface TitleEvalReport extends TitleAccuracy {
  csv: string;
  catalog: { origin: EscoCatalog['origin']; rolesIndexed: number; labels: number; loadMs: number; indexBuildMs: number };
  msPerTitle: number;
  /** Top-1 of the baseline: the normalised title equal to a normalised role name or alias, nothing else. */
  exactAliasTop1: number;
  skippedRows: number;
}

/**
 * `jdpipe eval titles CSV`: ranks the catalog's roles for every `text` of a `text,label` file and scores the
 * ranking against `label`, an ESCO preferred label. Only roles that carry an ESCO occupation are ranked: the
 * others cannot answer to an ESCO label, so ranking them would only measure the seed catalog's size.
 */
export async function evaluateTitles(
  csvPath: string,
  current: DatabaseTarget,
  seedDir: string | undefined,
  options: TitleEvalOptions,
): Promise<number> {
  const { cases, problems } = parseTitleCases(readFileSync(csvPath, 'utf8'));
  for (const problem of problems.slice(0, 10)) process.stderr.write(`${csvPath}:${problem.line}: ${problem.message}\n`);
  if (cases.length === 0) {
    process.stderr.write(`${csvPath}: no labelled titles\n`);
    return 1;
  }
  const catalog = await loadEscoCatalog(options.escoDir, current, seedDir);
  const indexStarted = performance.now();
  const escoRoles = catalog.roles.filter((role) => catalog.escoLabelsBySlug.has(role.slug));
  const index = TitleIndex.build(escoRoles);
  const indexBuildMs = performance.now() - indexStarted;

  const rankStarted = performance.now();
  const ranked: RankedTitle[] = cases.map((titleCase) => ({
    label: titleCase.label,
    candidates: index.rank(titleCase.text, options.top).map((candidate) => catalog.escoLabelsBySlug.get(candidate.roleSlug) ?? []),
  }));
  const msPerTitle = (performance.now() - rankStarted) / cases.length;
  const catalogLabels = new Set([...catalog.escoLabelsBySlug.values()].flat());
  const accuracy = scoreTitleRankings(ranked, options.top, catalogLabels);
  const exactAliasSlug = exactAliasLookup(escoRoles);
  const exactAliasRanked: RankedTitle[] = cases.map((titleCase) => {
    const slug = exactAliasSlug.get(normaliseTitle(titleCase.text));
    return { label: titleCase.label, candidates: slug ? [catalog.escoLabelsBySlug.get(slug) ?? []] : [] };
  });
  const report: TitleEvalReport = {
    csv: csvPath,
    ...accuracy,
    catalog: { origin: catalog.origin, rolesIndexed: escoRoles.length, labels: index.size.labels, loadMs: catalog.loadMs, indexBuildMs },
    msPerTitle,
    exactAliasTop1: scoreTitleRankings(exactAliasRanked, 1, catalogLabels).top1,
    skippedRows: problems.length,
  };
  process.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : renderTitleEvalReport(report));
  return 0;
}

export function renderTitleEvalReport(report: TitleEvalReport): string {
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  return (
    [
      `titles     ${report.titles} from ${report.csv}${report.skippedRows > 0 ? ` (${report.skippedRows} malformed rows skipped)` : ''}`,
      `catalog    ${report.catalog.rolesIndexed} roles with an ESCO occupation (${report.catalog.origin}, ${formatMs(report.catalog.loadMs)}); ` +
        `${report.catalog.labels} labels indexed in ${formatMs(report.catalog.indexBuildMs)}`,
      `top-1      ${percent(report.top1)}  (exact alias lookup alone: ${percent(report.exactAliasTop1)})`,
      `top-${report.k}      ${percent(report.topK)}`,
      `coverage   ${percent(report.answered)} of titles got a candidate; ${percent(report.labelInCatalog)} have their label in the catalog`,
      `time       ${report.msPerTitle.toFixed(3)} ms per title`,
    ].join('\n') + '\n'
  );
}

/** Normalised name or alias → the first role that has it, as a plain dictionary lookup would answer. */
function exactAliasLookup(roles: readonly CatalogRole[]): Map<string, string> {
  const slugByAlias = new Map<string, string>();
  for (const role of roles) {
    for (const alias of [role.name, ...role.aliases]) {
      const normalised = normaliseTitle(alias);
      if (normalised && !slugByAlias.has(normalised)) slugByAlias.set(normalised, role.slug);
    }
  }
  return slugByAlias;
}
