import { PipelineError } from '@jdpipe/contracts';

import { wholeNumber } from '../settings/whole-number';

/** Settings every service of the Kafka deployment reads; validated at start-up. */
export interface ServiceConfig {
  serviceName: string;
  httpPort: number;
  databaseUrl: string;
  /** Optional schema for every table (tests run each deployment in a fresh schema). */
  databaseSchema: string | undefined;
  /** How long SIGTERM may take to finish in-flight work before the process exits anyway. */
  shutdownGraceMs: number;
}

/** Default HTTP port per service, so a whole stack can run on one machine without settings. */
export const DEFAULT_HTTP_PORTS: Record<string, number> = {
  gateway: 8080,
  parser: 8081,
  'role-matcher': 8082,
  'skill-resolver': 8083,
  persister: 8084,
};

export function loadServiceConfig(serviceName: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const problems: string[] = [];
  const port = wholeNumber(env, 'HTTP_PORT', DEFAULT_HTTP_PORTS[serviceName] ?? 8080, 0, 65_535, problems);
  const grace = wholeNumber(env, 'SHUTDOWN_GRACE_MS', 30_000, 0, 600_000, problems);
  const databaseUrl = env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push(`DATABASE_URL must be a postgres:// URL, got "${databaseUrl}"`);
  const schema = env.DATABASE_SCHEMA?.trim() || undefined;
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) problems.push(`DATABASE_SCHEMA must be a lowercase identifier, got "${schema}"`);
  if (problems.length > 0) {
    throw new PipelineError('INPUT.INVALID', `invalid configuration for ${serviceName}: ${problems.join('; ')}`);
  }
  return { serviceName, httpPort: port, databaseUrl, databaseSchema: schema, shutdownGraceMs: grace };
}
