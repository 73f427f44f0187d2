import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole jdpipe schema: catalog, runs, review queue, observed links, event dedupe and role centroids.
 * Plain SQL that runs unchanged on PostgreSQL 13+ and on PGlite (no extensions: UUIDs come from
 * gen_random_uuid(), which is core since PostgreSQL 13).
 */
export class InitialSchema1795625921138 implements MigrationInterface {
  name = 'InitialSchema1795625921138';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of CATALOG_TABLES) await queryRunner.query(statement);
    for (const statement of RUN_TABLES) await queryRunner.query(statement);
    for (const statement of REVIEW_TABLES) await queryRunner.query(statement);
    for (const statement of DERIVED_TABLES) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const tablesInDropOrder = [
      'role_centroids',
      'processed_events',
      'role_dimension_links',
      'skill_dimension_links',
      'review_queue_evidence',
      'review_queue',
      'llm_calls',
      'run_signals',
      'run_skills',
      'run_stage_results',
      'runs',
      'role_dimensions',
      'role_core_skills',
      'role_kras',
      'role_aliases',
      'roles',
      'skill_dimensions',
      'dimensions',
      'skill_aliases',
      'skills',
      'skill_categories',
      'domains',
      'catalog_versions',
    ];
    for (const table of tablesInDropOrder) await queryRunner.query(`DROP TABLE IF EXISTS "${table}"`);
  }
}

// Every catalog row carries `source`: 'seed' rows are owned by the YAML seed and rewritten by a sync;
// anything else (e.g. 'review' for approved proposals) is never touched by a sync.
const CATALOG_TABLES = [
  `CREATE TABLE "catalog_versions" (
    "id" SERIAL PRIMARY KEY,
    "content_hash" text NOT NULL,
    "reason" text NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX "IDX_catalog_versions_content_hash" ON "catalog_versions" ("content_hash")`,

  `CREATE TABLE "domains" (
    "id" SERIAL PRIMARY KEY,
    "slug" text NOT NULL,
    "name" text NOT NULL,
    "keywords" text[] NOT NULL DEFAULT '{}',
    "source" text NOT NULL DEFAULT 'seed',
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "UQ_domains_slug" UNIQUE ("slug")
  )`,

  `CREATE TABLE "skill_categories" (
    "id" SERIAL PRIMARY KEY,
    "name" text NOT NULL,
    CONSTRAINT "UQ_skill_categories_name" UNIQUE ("name")
  )`,

  `CREATE TABLE "skills" (
    "id" SERIAL PRIMARY KEY,
    "slug" text NOT NULL,
    "name" text NOT NULL,
    "category" text NOT NULL,
    "sub_category" text,
    "nature" text NOT NULL,
    "volatility" text NOT NULL,
    "lifespan" text NOT NULL,
    "version_strategy" text NOT NULL,
    "source" text NOT NULL DEFAULT 'seed',
    "external_id" text,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "UQ_skills_slug" UNIQUE ("slug"),
    CONSTRAINT "FK_skills_category" FOREIGN KEY ("category") REFERENCES "skill_categories" ("name") ON UPDATE CASCADE,
    CONSTRAINT "CHK_skills_nature" CHECK ("nature" IN ('TOOL','LANGUAGE','FRAMEWORK','PLATFORM','PRACTICE','CONCEPT','SOFT','CERTIFICATION','DOMAIN')),
    CONSTRAINT "CHK_skills_volatility" CHECK ("volatility" IN ('LOW','MEDIUM','HIGH')),
    CONSTRAINT "CHK_skills_lifespan" CHECK ("lifespan" IN ('EVERGREEN','MULTI_YEAR','SHORT_LIVED')),
    CONSTRAINT "CHK_skills_version_strategy" CHECK ("version_strategy" IN ('VERSIONED','UNVERSIONED','NOT_APPLICABLE'))
  )`,
  `CREATE INDEX "IDX_skills_category" ON "skills" ("category")`,

  `CREATE TABLE "skill_aliases" (
    "id" SERIAL PRIMARY KEY,
    "skill_id" integer NOT NULL,
    "text" text NOT NULL,
    "alias_type" text NOT NULL,
    "match_strategy" text NOT NULL,
    "context" text[] NOT NULL DEFAULT '{}',
    "position" integer NOT NULL DEFAULT 0,
    "source" text NOT NULL DEFAULT 'seed',
    CONSTRAINT "UQ_skill_aliases_skill_text" UNIQUE ("skill_id", "text"),
    CONSTRAINT "FK_skill_aliases_skill" FOREIGN KEY ("skill_id") REFERENCES "skills" ("id") ON DELETE CASCADE,
    CONSTRAINT "CHK_skill_aliases_type" CHECK ("alias_type" IN ('canonical','synonym','abbreviation','misspelling')),
    CONSTRAINT "CHK_skill_aliases_match" CHECK ("match_strategy" IN ('case_insensitive','case_sensitive'))
  )`,
  // The matcher and reviewers look aliases up by their text, case-insensitively.
  `CREATE INDEX "IDX_skill_aliases_lower_text" ON "skill_aliases" (lower("text"))`,

  `CREATE TABLE "dimensions" (
    "id" SERIAL PRIMARY KEY,
    "slug" text NOT NULL,
    "name" text NOT NULL,
    "description" text NOT NULL DEFAULT '',
    "source" text NOT NULL DEFAULT 'seed',
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "UQ_dimensions_slug" UNIQUE ("slug")
  )`,

  `CREATE TABLE "skill_dimensions" (
    "skill_id" integer NOT NULL,
    "dimension_id" integer NOT NULL,
    "position" integer NOT NULL DEFAULT 0,
    "source" text NOT NULL DEFAULT 'seed',
    CONSTRAINT "PK_skill_dimensions" PRIMARY KEY ("skill_id", "dimension_id"),
    CONSTRAINT "FK_skill_dimensions_skill" FOREIGN KEY ("skill_id") REFERENCES "skills" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_skill_dimensions_dimension" FOREIGN KEY ("dimension_id") REFERENCES "dimensions" ("id") ON DELETE CASCADE
  )`,
  `CREATE INDEX "IDX_skill_dimensions_dimension" ON "skill_dimensions" ("dimension_id")`,

  `CREATE TABLE "roles" (
    "id" SERIAL PRIMARY KEY,
    "slug" text NOT NULL,
    "name" text NOT NULL,
    "domain" text NOT NULL,
    "description" text NOT NULL DEFAULT '',
    "source" text NOT NULL DEFAULT 'seed',
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "UQ_roles_slug" UNIQUE ("slug"),
    CONSTRAINT "FK_roles_domain" FOREIGN KEY ("domain") REFERENCES "domains" ("slug") ON UPDATE CASCADE
  )`,
  `CREATE INDEX "IDX_roles_domain" ON "roles" ("domain")`,

  `CREATE TABLE "role_aliases" (
    "id" SERIAL PRIMARY KEY,
    "role_id" integer NOT NULL,
    "text" text NOT NULL,
    "position" integer NOT NULL DEFAULT 0,
    "source" text NOT NULL DEFAULT 'seed',
    CONSTRAINT "UQ_role_aliases_role_text" UNIQUE ("role_id", "text"),
    CONSTRAINT "FK_role_aliases_role" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
  )`,
  `CREATE INDEX "IDX_role_aliases_lower_text" ON "role_aliases" (lower("text"))`,

  `CREATE TABLE "role_kras" (
    "id" SERIAL PRIMARY KEY,
    "role_id" integer NOT NULL,
    "text" text NOT NULL,
    "position" integer NOT NULL DEFAULT 0,
    "source" text NOT NULL DEFAULT 'seed',
    CONSTRAINT "UQ_role_kras_role_text" UNIQUE ("role_id", "text"),
    CONSTRAINT "FK_role_kras_role" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
  )`,

  `CREATE TABLE "role_core_skills" (
    "role_id" integer NOT NULL,
    "skill_id" integer NOT NULL,
    "position" integer NOT NULL DEFAULT 0,
    "source" text NOT NULL DEFAULT 'seed',
    CONSTRAINT "PK_role_core_skills" PRIMARY KEY ("role_id", "skill_id"),
    CONSTRAINT "FK_role_core_skills_role" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_role_core_skills_skill" FOREIGN KEY ("skill_id") REFERENCES "skills" ("id") ON DELETE CASCADE
  )`,
  `CREATE INDEX "IDX_role_core_skills_skill" ON "role_core_skills" ("skill_id")`,

  `CREATE TABLE "role_dimensions" (
    "role_id" integer NOT NULL,
    "dimension_id" integer NOT NULL,
    "position" integer NOT NULL DEFAULT 0,
    "source" text NOT NULL DEFAULT 'seed',
    CONSTRAINT "PK_role_dimensions" PRIMARY KEY ("role_id", "dimension_id"),
    CONSTRAINT "FK_role_dimensions_role" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_role_dimensions_dimension" FOREIGN KEY ("dimension_id") REFERENCES "dimensions" ("id") ON DELETE CASCADE
  )`,
  `CREATE INDEX "IDX_role_dimensions_dimension" ON "role_dimensions" ("dimension_id")`,
];

const RUN_TABLES = [
  `CREATE TABLE "runs" (
    "run_id" uuid PRIMARY KEY,
    "posting_id" text NOT NULL,
    "status" text NOT NULL,
    "rejection_code" text,
    "rejection_reason" text,
    "catalog_version" integer NOT NULL,
    "mode" text NOT NULL,
    "title" text,
    "role_slug" text,
    "decision_case" text,
    "confidence" double precision,
    "trace_id" text,
    "created_at" timestamptz NOT NULL,
    "completed_at" timestamptz,
    "document" jsonb NOT NULL,
    CONSTRAINT "CHK_runs_status" CHECK ("status" IN ('completed','rejected','failed')),
    CONSTRAINT "CHK_runs_mode" CHECK ("mode" IN ('offline','llm','hybrid')),
    CONSTRAINT "CHK_runs_decision_case" CHECK ("decision_case" IN ('ALIAS','KRA','SKILL','DOMAIN','NEW'))
  )`,
  `CREATE INDEX "IDX_runs_posting_id" ON "runs" ("posting_id")`,
  `CREATE INDEX "IDX_runs_created_at" ON "runs" ("created_at")`,
  `CREATE INDEX "IDX_runs_status_created_at" ON "runs" ("status", "created_at")`,
  `CREATE INDEX "IDX_runs_role_slug_created_at" ON "runs" ("role_slug", "created_at")`,

  `CREATE TABLE "run_stage_results" (
    "run_id" uuid NOT NULL,
    "stage" text NOT NULL,
    "duration_ms" double precision NOT NULL,
    "payload" jsonb,
    CONSTRAINT "PK_run_stage_results" PRIMARY KEY ("run_id", "stage"),
    CONSTRAINT "FK_run_stage_results_run" FOREIGN KEY ("run_id") REFERENCES "runs" ("run_id") ON DELETE CASCADE
  )`,

  `CREATE TABLE "run_skills" (
    "run_id" uuid NOT NULL,
    "position" integer NOT NULL,
    "skill_slug" text NOT NULL,
    "name" text NOT NULL,
    "status" text NOT NULL,
    "matched_via" text NOT NULL,
    "category" text,
    "nature" text,
    "requirement" text NOT NULL,
    "is_primary" boolean NOT NULL DEFAULT false,
    "dimensions" jsonb NOT NULL DEFAULT '[]',
    "evidence" jsonb NOT NULL DEFAULT '[]',
    CONSTRAINT "PK_run_skills" PRIMARY KEY ("run_id", "position"),
    CONSTRAINT "FK_run_skills_run" FOREIGN KEY ("run_id") REFERENCES "runs" ("run_id") ON DELETE CASCADE,
    CONSTRAINT "CHK_run_skills_status" CHECK ("status" IN ('in_catalog','proposed')),
    CONSTRAINT "CHK_run_skills_requirement" CHECK ("requirement" IN ('required','preferred'))
  )`,
  // "Which runs asked for this skill?"
  `CREATE INDEX "IDX_run_skills_skill_slug" ON "run_skills" ("skill_slug")`,

  `CREATE TABLE "run_signals" (
    "run_id" uuid NOT NULL,
    "role_slug" text NOT NULL,
    "score" double precision NOT NULL,
    "alias_score" double precision NOT NULL,
    "kra_score" double precision NOT NULL,
    "skill_score" double precision NOT NULL,
    "domain_score" double precision NOT NULL,
    "detail" jsonb NOT NULL,
    CONSTRAINT "PK_run_signals" PRIMARY KEY ("run_id", "role_slug"),
    CONSTRAINT "FK_run_signals_run" FOREIGN KEY ("run_id") REFERENCES "runs" ("run_id") ON DELETE CASCADE
  )`,
  `CREATE INDEX "IDX_run_signals_role_slug" ON "run_signals" ("role_slug")`,

  `CREATE TABLE "llm_calls" (
    "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    "run_id" uuid NOT NULL,
    "stage" text NOT NULL,
    "purpose" text NOT NULL,
    "model" text NOT NULL,
    "prompt_version" text NOT NULL,
    "request" jsonb,
    "response" jsonb,
    "input_tokens" integer NOT NULL DEFAULT 0,
    "cached_tokens" integer NOT NULL DEFAULT 0,
    "output_tokens" integer NOT NULL DEFAULT 0,
    "cost_usd" numeric(14,8),
    "latency_ms" double precision NOT NULL,
    "cache_hit" boolean NOT NULL DEFAULT false,
    "error" text,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "FK_llm_calls_run" FOREIGN KEY ("run_id") REFERENCES "runs" ("run_id") ON DELETE CASCADE
  )`,
  `CREATE INDEX "IDX_llm_calls_run_id" ON "llm_calls" ("run_id")`,
  `CREATE INDEX "IDX_llm_calls_model_created_at" ON "llm_calls" ("model", "created_at")`,
];

const REVIEW_TABLES = [
  `CREATE TABLE "review_queue" (
    "id" SERIAL PRIMARY KEY,
    "kind" text NOT NULL,
    "value" text NOT NULL,
    "normalised_value" text NOT NULL,
    "target" text,
    "payload" jsonb NOT NULL,
    "status" text NOT NULL DEFAULT 'pending',
    "occurrences" integer NOT NULL DEFAULT 1,
    "first_run_id" uuid,
    "last_run_id" uuid,
    "decided_by" text,
    "decided_at" timestamptz,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "FK_review_queue_first_run" FOREIGN KEY ("first_run_id") REFERENCES "runs" ("run_id") ON DELETE SET NULL,
    CONSTRAINT "FK_review_queue_last_run" FOREIGN KEY ("last_run_id") REFERENCES "runs" ("run_id") ON DELETE SET NULL,
    CONSTRAINT "CHK_review_queue_kind" CHECK ("kind" IN ('skill','alias','kra','role')),
    CONSTRAINT "CHK_review_queue_status" CHECK ("status" IN ('pending','approved','rejected'))
  )`,
  // One item per proposal: a recurring proposal bumps `occurrences`. A missing target counts as one value
  // (a plain UNIQUE would let NULL targets repeat).
  `CREATE UNIQUE INDEX "UQ_review_queue_kind_value_target" ON "review_queue" ("kind", "normalised_value", (COALESCE("target", '')))`,
  `CREATE INDEX "IDX_review_queue_status_occurrences" ON "review_queue" ("status", "occurrences")`,

  `CREATE TABLE "review_queue_evidence" (
    "id" SERIAL PRIMARY KEY,
    "queue_id" integer NOT NULL,
    "run_id" uuid NOT NULL,
    "evidence" text,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "UQ_review_queue_evidence_queue_run" UNIQUE ("queue_id", "run_id"),
    CONSTRAINT "FK_review_queue_evidence_queue" FOREIGN KEY ("queue_id") REFERENCES "review_queue" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_review_queue_evidence_run" FOREIGN KEY ("run_id") REFERENCES "runs" ("run_id") ON DELETE CASCADE
  )`,
  `CREATE INDEX "IDX_review_queue_evidence_run_id" ON "review_queue_evidence" ("run_id")`,
];

// Aggregates that runs feed: slugs, not catalog ids, because proposed skills and roles are counted too.
const DERIVED_TABLES = [
  `CREATE TABLE "skill_dimension_links" (
    "skill_slug" text NOT NULL,
    "dimension_slug" text NOT NULL,
    "run_count" integer NOT NULL DEFAULT 0,
    "first_seen_at" timestamptz NOT NULL DEFAULT now(),
    "last_seen_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_skill_dimension_links" PRIMARY KEY ("skill_slug", "dimension_slug")
  )`,
  `CREATE INDEX "IDX_skill_dimension_links_dimension" ON "skill_dimension_links" ("dimension_slug")`,

  `CREATE TABLE "role_dimension_links" (
    "role_slug" text NOT NULL,
    "dimension_slug" text NOT NULL,
    "run_count" integer NOT NULL DEFAULT 0,
    "first_seen_at" timestamptz NOT NULL DEFAULT now(),
    "last_seen_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_role_dimension_links" PRIMARY KEY ("role_slug", "dimension_slug")
  )`,
  `CREATE INDEX "IDX_role_dimension_links_dimension" ON "role_dimension_links" ("dimension_slug")`,

  `CREATE TABLE "processed_events" (
    "consumer" text NOT NULL,
    "event_id" text NOT NULL,
    "processed_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_processed_events" PRIMARY KEY ("consumer", "event_id")
  )`,

  `CREATE TABLE "role_centroids" (
    "role_slug" text PRIMARY KEY,
    "n" integer NOT NULL,
    "vector" double precision[] NOT NULL,
    "updated_at" timestamptz NOT NULL DEFAULT now()
  )`,
];
