import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per incident for the case pipeline (clause 5) and the incident breakdowns
 * by security domain and source: the area and quarter it counts under, how far the
 * case got, and how long each stage took.
 */
export class CreateCasePipeline1765600000000 implements MigrationInterface {
  name = 'CreateCasePipeline1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE incident_cases_v1 (
        incident_id        uuid PRIMARY KEY,
        path               text NOT NULL,
        quarter            text NOT NULL,
        category           text NOT NULL,
        domain             text NOT NULL,
        source             text NOT NULL,
        status             text NOT NULL,
        reached            text[] NOT NULL DEFAULT '{}',
        reported_verified  integer,
        verified_referred  integer,
        referred_indicted  integer,
        indicted_tried     integer
      )`);
    await queryRunner.query(`CREATE INDEX incident_cases_v1_quarter_path ON incident_cases_v1 (quarter, path text_pattern_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE incident_cases_v1`);
  }
}
