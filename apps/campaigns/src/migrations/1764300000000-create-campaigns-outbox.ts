import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen: the values of the library constants as this migration ran them (ADR 0041). A migration
// never follows a later change of a library; a new schema change is a new migration.
const createOutboxTableSql = [
  `CREATE TABLE outbox (
     position      bigserial PRIMARY KEY,
     event_id      uuid NOT NULL UNIQUE,
     topic         text NOT NULL,
     message_key   text NOT NULL,
     event_type    text NOT NULL,
     payload       text NOT NULL,
     headers       jsonb NOT NULL DEFAULT '{}'::jsonb,
     created_at    timestamptz NOT NULL DEFAULT now(),
     published_at  timestamptz
   )`,
  'CREATE INDEX outbox_unpublished_idx ON outbox (position) WHERE published_at IS NULL',
];
const dropOutboxTableSql = [
  'DROP TABLE IF EXISTS outbox',
];

export class CreateCampaignsOutbox1764300000000 implements MigrationInterface {
  name = 'CreateCampaignsOutbox1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of createOutboxTableSql) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTableSql) await queryRunner.query(sql);
  }
}
