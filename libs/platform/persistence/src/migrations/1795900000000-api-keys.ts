import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys of the HTTP API: a role each, stored as a hash, revocable. */
export class ApiKeys1795900000000 implements MigrationInterface {
  name = 'ApiKeys1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "api_keys" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "name" text NOT NULL,
      "role" text NOT NULL,
      "key_prefix" text NOT NULL,
      "key_hash" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "last_used_at" timestamptz,
      "revoked_at" timestamptz,
      CONSTRAINT "CHK_api_keys_role" CHECK ("role" IN ('ingest','reviewer','admin'))
    )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_keys_key_prefix" ON "api_keys" ("key_prefix")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "api_keys"`);
  }
}
