import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Web admin sessions in the database, so that every gateway replica knows every session. */
export class AdminSessions1796100000000 implements MigrationInterface {
  name = 'AdminSessions1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "admin_sessions" (
      "id_hash" text NOT NULL PRIMARY KEY,
      "grant_kind" text NOT NULL,
      "api_key_id" uuid,
      "expires_at" timestamptz NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "CHK_admin_sessions_grant" CHECK (("grant_kind" = 'login-link' AND "api_key_id" IS NULL) OR ("grant_kind" = 'api-key' AND "api_key_id" IS NOT NULL)),
      CONSTRAINT "FK_admin_sessions_api_key" FOREIGN KEY ("api_key_id") REFERENCES "api_keys" ("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_admin_sessions_expires_at" ON "admin_sessions" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "admin_sessions"`);
  }
}
