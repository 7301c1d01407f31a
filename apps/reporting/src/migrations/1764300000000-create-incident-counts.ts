import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createConsumerTablesSql, dropConsumerTablesSql } from '@binh-yen/messaging';

export class CreateIncidentCounts1764300000000 implements MigrationInterface {
  name = 'CreateIncidentCounts1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of createConsumerTablesSql) await queryRunner.query(sql);
    // Versioned table: a rebuild of v2 fills incident_counts_v2 beside it.
    await queryRunner.query(`
      CREATE TABLE incident_counts_v1 (
        area       text NOT NULL,
        quarter    text NOT NULL,
        category   text NOT NULL,
        incidents  integer NOT NULL,
        PRIMARY KEY (quarter, area, category)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE incident_counts_v1`);
    for (const sql of dropConsumerTablesSql) await queryRunner.query(sql);
  }
}
