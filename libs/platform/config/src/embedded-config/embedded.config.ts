import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

import { PipelineError } from '@jdpipe/contracts';

/** Settings of the embedded (single-process) mode; every one has a default that works offline. */
export interface EmbeddedConfig {
  /** PGlite data folder; null keeps the database in memory (tests, benchmarks). */
  dataDir: string | null;
  /** Seed catalog folder; null = the catalog shipped in the repository. */
  seedDir: string | null;
  /** How long the CLI waits for one run before calling it failed. */
  runTimeoutMs: number;
}

/** Reads and validates the embedded settings from the environment; a bad value stops with a clear message. */
export function loadEmbeddedConfig(env: NodeJS.ProcessEnv = process.env): EmbeddedConfig {
  const dataDir = env.JDPIPE_DATA_DIR?.trim();
  return {
    dataDir: dataDir === ':memory:' ? null : resolve(dataDir || join(homedir(), '.jdpipe', 'data')),
    seedDir: env.JDPIPE_SEED_DIR?.trim() ? resolve(env.JDPIPE_SEED_DIR.trim()) : null,
    runTimeoutMs: positiveInteger(env, 'JDPIPE_RUN_TIMEOUT_MS', 60_000),
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new PipelineError('INPUT.INVALID', `${name} must be a positive whole number, got "${raw}"`);
  }
  return value;
}
