import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The shared public-data folder (`../shared` beside the repository; `JDPIPE_SHARED_DIR` overrides), found from
 * wherever the code runs, source or compiled. Null when it is not there, e.g. on a fresh clone elsewhere.
 */
export function sharedDir(): string | null {
  const override = process.env.JDPIPE_SHARED_DIR;
  if (override) return existsSync(override) ? override : null;
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, '..', 'shared');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, 'data'))) return candidate;
  }
  return null;
}

/** Path of a file under shared/data, or null when the folder or the file is missing. */
export function sharedDataFile(...segments: string[]): string | null {
  const root = sharedDir();
  const path = root && join(root, 'data', ...segments);
  return path && existsSync(path) ? path : null;
}

/**
 * The job description of the old system's run page (shared/seed), the posting jdpipe must beat.
 * Null when shared/ is absent.
 */
export function seedRunPagePosting(): string | null {
  const root = sharedDir();
  const page = root && join(root, 'seed', 'run-page-70c346cf.txt');
  if (!page || !existsSync(page)) return null;
  const lines = readFileSync(page, 'utf8').split('\n');
  const heading = lines.indexOf('Job description');
  return heading >= 0 ? (lines[heading + 1] ?? null) : null;
}

/** In CI the shared folder must be there: a missing one fails instead of silently skipping real-data tests. */
export function requireSharedInCi(what: string): void {
  if (process.env.CI && !sharedDir()) throw new Error(`${what} needs ../shared, which CI always has`);
}
