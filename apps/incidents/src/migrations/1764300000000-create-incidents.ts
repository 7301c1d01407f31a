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

export class CreateIncidents1764300000000 implements MigrationInterface {
  name = 'CreateIncidents1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE incidents (
        id                uuid PRIMARY KEY,
        unit_code         text NOT NULL,
        area              text NOT NULL,
        category          text NOT NULL,
        occurred_at       timestamptz NOT NULL,
        reported_at       timestamptz NOT NULL,
        summary           text NOT NULL,
        status            text NOT NULL,
        version           integer NOT NULL,
        reported_by       text NOT NULL,
        reporting_agency  text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX incidents_area_idx ON incidents (area text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX incidents_occurred_at_idx ON incidents (occurred_at)`);
    for (const sql of createOutboxTableSql) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTableSql) await queryRunner.query(sql);
    await queryRunner.query(`DROP TABLE incidents`);
  }
}
