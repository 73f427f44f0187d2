import { createDataSource, type DatabaseTarget } from '@jdpipe/persistence';
import { prepareDatabase } from '@jdpipe/runtime';

/**
 * `jdpipe db migrate`: migrations plus the seed catalog sync, on the embedded database or, with DATABASE_URL,
 * on PostgreSQL for the service deployment (the services themselves never migrate).
 */
export async function migrateDatabase(target: DatabaseTarget, seedDir: string | undefined): Promise<number> {
  const dataSource = await createDataSource(target);
  try {
    const version = await prepareDatabase(dataSource, seedDir);
    const where = target.kind === 'pglite' ? (target.dataDir ?? 'the in-memory database') : redactPassword(target.url);
    process.stderr.write(
      `migrations applied to ${where}${target.kind === 'postgres' && target.schema ? ` (schema ${target.schema})` : ''}; catalog version ${version}\n`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]+@/, '//$1:***@');
}
