import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each step of the timeline carries the date it was taken (issue 24), apart from `at`,
 * when it was recorded. Steps recorded before keep their recorded time as their date;
 * the report's entry takes the incident's `reportedAt` (it may be earlier than its
 * recording, and the first step is checked against it).
 */
export class DateLifecycleSteps1766100000000 implements MigrationInterface {
  name = 'DateLifecycleSteps1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE incident_history ADD COLUMN taken_at timestamptz`,
      `UPDATE incident_history h SET taken_at = CASE WHEN h.action = 'report' THEN i.reported_at ELSE h.at END FROM incidents i WHERE i.id = h.incident_id`,
      `ALTER TABLE incident_history ALTER COLUMN taken_at SET NOT NULL`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE incident_history DROP COLUMN taken_at`);
  }
}
