import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The official document's issuer, signatory and recipients, given with a submission (ADR 0043). */
export class SubmissionDocument1766400000001 implements MigrationInterface {
  name = 'SubmissionDocument1766400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_submissions ADD COLUMN document jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_submissions DROP COLUMN document`);
  }
}
