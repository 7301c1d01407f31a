import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incident counts rolled up to every level of the hierarchy as they are applied: an
 * area's quarter is then read from its own few rows, however many incidents lie below.
 */
export class CreateIncidentRollup1764700000000 implements MigrationInterface {
  name = 'CreateIncidentRollup1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE incident_rollup_v1 (
        area       text NOT NULL,
        quarter    text NOT NULL,
        category   text NOT NULL,
        incidents  integer NOT NULL,
        PRIMARY KEY (area, quarter, category)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE incident_rollup_v1`);
  }
}
