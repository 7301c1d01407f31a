import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTableSql, dropOutboxTableSql } from '@binh-yen/messaging';

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
