import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history of reviewer decisions: who did what to which review item, what it changed in the catalog
 * (enough to revert it) and whether it was undone. A review item can also end up merged into another one.
 */
export class ReviewActions1795800000000 implements MigrationInterface {
  name = 'ReviewActions1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of STATEMENTS) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "review_actions"`);
    await queryRunner.query(`UPDATE "review_queue" SET "status" = 'rejected' WHERE "status" = 'merged'`);
    await queryRunner.query(`ALTER TABLE "review_queue" DROP CONSTRAINT "CHK_review_queue_status"`);
    await queryRunner.query(
      `ALTER TABLE "review_queue" ADD CONSTRAINT "CHK_review_queue_status" CHECK ("status" IN ('pending','approved','rejected'))`,
    );
  }
}

const STATEMENTS = [
  `ALTER TABLE "review_queue" DROP CONSTRAINT "CHK_review_queue_status"`,
  `ALTER TABLE "review_queue" ADD CONSTRAINT "CHK_review_queue_status" CHECK ("status" IN ('pending','approved','rejected','merged'))`,
  `CREATE TABLE "review_actions" (
    "id" SERIAL PRIMARY KEY,
    "queue_id" integer NOT NULL,
    "action" text NOT NULL,
    "actor" text NOT NULL,
    "detail" jsonb NOT NULL,
    "catalog_version" integer,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "undone_by" text,
    "undone_at" timestamptz,
    "undo_catalog_version" integer,
    CONSTRAINT "FK_review_actions_queue" FOREIGN KEY ("queue_id") REFERENCES "review_queue" ("id") ON DELETE CASCADE,
    CONSTRAINT "CHK_review_actions_action" CHECK ("action" IN ('approve','reject','merge'))
  )`,
  `CREATE INDEX "IDX_review_actions_queue_id" ON "review_actions" ("queue_id")`,
];
