import type { DataSource } from 'typeorm';

export const DEFAULT_STACK_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The stack writes into a fresh schema and drops it at the end: refuse any database whose name does not say
 * it is for tests, so a mistyped DATABASE_URL can never point this at real data.
 */
export function assertTestDatabase(url: string): void {
  let databaseName: string;
  try {
    databaseName = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  } catch {
    throw new Error(`not a database URL: "${url}"`);
  }
  if (!/^postgres(ql)?:$/.test(new URL(url).protocol)) throw new Error(`not a PostgreSQL URL: "${url}"`);
  if (!databaseName.toLowerCase().includes('test')) {
    throw new Error(`refusing database "${databaseName}": the end-to-end stack only runs on a database whose name contains "test"`);
  }
}

/** Rows per table of interest, for before/after comparisons. */
export interface RunTableCounts {
  runs: number;
  runSkills: number;
  processedEvents: number;
  reviewQueueItems: number;
  reviewQueueOccurrences: number;
  reviewQueueEvidence: number;
}

export async function countRunTables(dataSource: DataSource): Promise<RunTableCounts> {
  const [row] = (await dataSource.query(`
    SELECT (SELECT count(*) FROM runs)::int AS runs,
           (SELECT count(*) FROM run_skills)::int AS run_skills,
           (SELECT count(*) FROM processed_events)::int AS processed_events,
           (SELECT count(*) FROM review_queue)::int AS review_queue_items,
           (SELECT coalesce(sum(occurrences), 0) FROM review_queue)::int AS review_queue_occurrences,
           (SELECT count(*) FROM review_queue_evidence)::int AS review_queue_evidence`)) as Array<Record<string, number>>;
  return {
    runs: row!.runs!,
    runSkills: row!.run_skills!,
    processedEvents: row!.processed_events!,
    reviewQueueItems: row!.review_queue_items!,
    reviewQueueOccurrences: row!.review_queue_occurrences!,
    reviewQueueEvidence: row!.review_queue_evidence!,
  };
}

/** Drops the stack's schema with everything in it; the name is checked to be a plain identifier. */
export async function dropSchema(dataSource: DataSource, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a schema name: "${schema}"`);
  await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
