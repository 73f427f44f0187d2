import 'reflect-metadata';

import { DataSource, type DataSourceOptions } from 'typeorm';

import { AdminSessionEntity } from './admin-sessions/admin-session.entity';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { CatalogVersionEntity } from './catalog/catalog-version.entity';
import { DimensionEntity } from './catalog/dimension.entity';
import { DomainEntity } from './catalog/domain.entity';
import { RoleAliasEntity } from './catalog/role-alias.entity';
import { RoleCoreSkillEntity } from './catalog/role-core-skill.entity';
import { RoleDimensionEntity } from './catalog/role-dimension.entity';
import { RoleKraEntity } from './catalog/role-kra.entity';
import { RoleEntity } from './catalog/role.entity';
import { SkillAliasEntity } from './catalog/skill-alias.entity';
import { SkillCategoryEntity } from './catalog/skill-category.entity';
import { SkillDimensionEntity } from './catalog/skill-dimension.entity';
import { SkillEntity } from './catalog/skill.entity';
import { RoleCentroidEntity } from './centroids/role-centroid.entity';
import { EmbeddingCacheEntity } from './embeddings/embedding-cache.entity';
import { ProcessedEventEntity } from './idempotency/processed-event.entity';
import { RoleDimensionLinkEntity } from './links/role-dimension-link.entity';
import { SkillDimensionLinkEntity } from './links/skill-dimension-link.entity';
import { InitialSchema1795625921138 } from './migrations/1795625921138-initial-schema';
import { CatalogImports1795700000000 } from './migrations/1795700000000-catalog-imports';
import { ReviewActions1795800000000 } from './migrations/1795800000000-review-actions';
import { ApiKeys1795900000000 } from './migrations/1795900000000-api-keys';
import { EmbeddingCache1796000000000 } from './migrations/1796000000000-embedding-cache';
import { AdminSessions1796100000000 } from './migrations/1796100000000-admin-sessions';
import { createPgliteDriver } from './pglite/pglite-pg-driver';
import { ReviewActionEntity } from './review/review-action.entity';
import { ReviewQueueEvidenceEntity } from './review/review-queue-evidence.entity';
import { ReviewQueueItemEntity } from './review/review-queue-item.entity';
import { LlmCallEntity } from './runs/llm-call.entity';
import { RunSignalEntity } from './runs/run-signal.entity';
import { RunSkillEntity } from './runs/run-skill.entity';
import { RunStageResultEntity } from './runs/run-stage-result.entity';
import { RunEntity } from './runs/run.entity';

/**
 * Where the data lives. PGlite is the embedded default (`dataDir: null` keeps it in memory); `postgres`
 * takes a connection URL and optionally a schema that every unqualified table name resolves to.
 */
export type DatabaseTarget = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; schema?: string };

export const PERSISTENCE_ENTITIES = [
  CatalogVersionEntity,
  DomainEntity,
  SkillCategoryEntity,
  SkillEntity,
  SkillAliasEntity,
  DimensionEntity,
  SkillDimensionEntity,
  RoleEntity,
  RoleAliasEntity,
  RoleKraEntity,
  RoleCoreSkillEntity,
  RoleDimensionEntity,
  RunEntity,
  RunStageResultEntity,
  RunSkillEntity,
  RunSignalEntity,
  LlmCallEntity,
  ReviewQueueItemEntity,
  ReviewQueueEvidenceEntity,
  ReviewActionEntity,
  SkillDimensionLinkEntity,
  RoleDimensionLinkEntity,
  ProcessedEventEntity,
  RoleCentroidEntity,
  ApiKeyEntity,
  AdminSessionEntity,
  EmbeddingCacheEntity,
];

export const PERSISTENCE_MIGRATIONS = [
  InitialSchema1795625921138,
  CatalogImports1795700000000,
  ReviewActions1795800000000,
  ApiKeys1795900000000,
  EmbeddingCache1796000000000,
  AdminSessions1796100000000,
];

/** Builds the options without connecting; the schema is owned by the checked-in migrations. */
export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: PERSISTENCE_ENTITIES,
    migrations: PERSISTENCE_MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    // Never CREATE EXTENSION as a side effect. 'pgcrypto' only makes TypeORM generate UUIDs with
    // gen_random_uuid(), which is core since PostgreSQL 13 (and present in PGlite); nothing gets installed.
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
    logging: false,
  };
  if (target.kind === 'pglite') {
    // PGlite is a single session: one pooled connection, lent to one query runner at a time.
    return { ...common, driver: createPgliteDriver({ dataDir: target.dataDir }), poolSize: 1 };
  }
  if (target.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(target.schema)) {
    throw new Error(`Schema name "${target.schema}" must be a lower-case SQL identifier`);
  }
  return {
    ...common,
    url: target.url,
    ...(target.schema ? { schema: target.schema, extra: { options: `-c search_path=${target.schema}` } } : {}),
  };
}

/** Returns an initialised DataSource; call `runMigrations` before first use of a new database. */
export async function createDataSource(target: DatabaseTarget): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(target));
  await dataSource.initialize();
  return dataSource;
}

/** Applies pending migrations in one transaction; returns the names of those that ran. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const schema = (dataSource.options as { schema?: string }).schema;
  // The name was checked to be a plain identifier when the options were built.
  if (schema) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: 'all' });
  return applied.map((migration) => migration.name);
}
