import { PipelineError } from '@jdpipe/contracts';

import { wholeNumber } from '../settings/whole-number';

/** How often a process compares its catalog version with the database's, when the catalog.changed.v1 event is missed. */
export const DEFAULT_CATALOG_CHECK_MS = 30_000;

/**
 * `JDPIPE_CATALOG_CHECK_MS`: milliseconds between those checks; 0 turns them off (the event alone then brings
 * changes). At most an hour, as a longer gap would leave a missed change unseen for too long.
 */
export function loadCatalogCheckMs(env: NodeJS.ProcessEnv = process.env): number {
  const problems: string[] = [];
  const value = wholeNumber(env, 'JDPIPE_CATALOG_CHECK_MS', DEFAULT_CATALOG_CHECK_MS, 0, 3_600_000, problems);
  if (problems.length > 0) throw new PipelineError('INPUT.INVALID', problems.join('; '));
  return value;
}
