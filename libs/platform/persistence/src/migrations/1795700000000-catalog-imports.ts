import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imported taxonomies (ESCO, O*NET): which catalog row each external entry became, with the hash of what
 * the release said about it, so that re-importing a release changes nothing and a newer release updates,
 * retires (never deletes) and reports. Plus role↔skill links beyond the core skills, retirement marks on
 * rows, and the change summary of each catalog version.
 */
export class CatalogImports1795700000000 implements MigrationInterface {
  name = 'CatalogImports1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of STATEMENTS) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "role_skill_links"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "catalog_import_entries"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "UQ_roles_source_external_id"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "UQ_skills_source_external_id"`);
    await queryRunner.query(`ALTER TABLE "roles" DROP COLUMN IF EXISTS "retired_at", DROP COLUMN IF EXISTS "external_id"`);
    await queryRunner.query(`ALTER TABLE "skills" DROP COLUMN IF EXISTS "retired_at"`);
    await queryRunner.query(`ALTER TABLE "catalog_versions" DROP COLUMN IF EXISTS "changes"`);
  }
}

const STATEMENTS = [
  `ALTER TABLE "catalog_versions" ADD COLUMN "changes" jsonb`,
  `ALTER TABLE "skills" ADD COLUMN "retired_at" timestamptz`,
  `ALTER TABLE "roles" ADD COLUMN "external_id" text`,
  `ALTER TABLE "roles" ADD COLUMN "retired_at" timestamptz`,
  `CREATE UNIQUE INDEX "UQ_skills_source_external_id" ON "skills" ("source", "external_id") WHERE "external_id" IS NOT NULL`,
  `CREATE UNIQUE INDEX "UQ_roles_source_external_id" ON "roles" ("source", "external_id") WHERE "external_id" IS NOT NULL`,

  // One row per (source, kind, external id): the row it created (merged = false) or merged into (true).
  `CREATE TABLE "catalog_import_entries" (
    "id" SERIAL PRIMARY KEY,
    "source" text NOT NULL,
    "kind" text NOT NULL,
    "external_id" text NOT NULL,
    "code" text,
    "skill_id" integer,
    "role_id" integer,
    "merged" boolean NOT NULL,
    "content_hash" text NOT NULL,
    "release" text NOT NULL,
    "first_version" integer NOT NULL,
    "changed_version" integer NOT NULL,
    "retired_version" integer,
    "retired_at" timestamptz,
    CONSTRAINT "UQ_catalog_import_entries_key" UNIQUE ("source", "kind", "external_id"),
    CONSTRAINT "CHK_catalog_import_entries_kind" CHECK (
      ("kind" = 'skill' AND "skill_id" IS NOT NULL AND "role_id" IS NULL)
      OR ("kind" = 'role' AND "role_id" IS NOT NULL AND "skill_id" IS NULL)),
    CONSTRAINT "FK_catalog_import_entries_skill" FOREIGN KEY ("skill_id") REFERENCES "skills" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_catalog_import_entries_role" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
  )`,
  `CREATE INDEX "IDX_catalog_import_entries_skill" ON "catalog_import_entries" ("skill_id")`,
  `CREATE INDEX "IDX_catalog_import_entries_role" ON "catalog_import_entries" ("role_id")`,

  // Every occupation↔skill pair a taxonomy states; the core ones are also the role's core skills.
  `CREATE TABLE "role_skill_links" (
    "role_id" integer NOT NULL,
    "skill_id" integer NOT NULL,
    "source" text NOT NULL,
    "relation" text NOT NULL,
    "position" integer NOT NULL DEFAULT 0,
    CONSTRAINT "PK_role_skill_links" PRIMARY KEY ("role_id", "skill_id", "source"),
    CONSTRAINT "CHK_role_skill_links_relation" CHECK ("relation" IN ('core','optional')),
    CONSTRAINT "FK_role_skill_links_role" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_role_skill_links_skill" FOREIGN KEY ("skill_id") REFERENCES "skills" ("id") ON DELETE CASCADE
  )`,
  `CREATE INDEX "IDX_role_skill_links_skill" ON "role_skill_links" ("skill_id")`,
];
