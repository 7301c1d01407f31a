import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Districts submit their quarterly report (a frozen snapshot and a narrative); the province approves or returns it. */
export class CreateReportSubmissions1764500000000 implements MigrationInterface {
  name = 'CreateReportSubmissions1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_submissions (
        id            uuid PRIMARY KEY,
        area          text NOT NULL,
        quarter       text NOT NULL,
        revision      integer NOT NULL,
        status        text NOT NULL,
        snapshot      jsonb NOT NULL,
        narrative     text NOT NULL,
        submitted_by  text NOT NULL,
        submitted_at  timestamptz NOT NULL,
        reviewed_by   text,
        reviewed_at   timestamptz,
        comments      text,
        version       integer NOT NULL DEFAULT 1,
        UNIQUE (area, quarter, revision)
      )`);
    await queryRunner.query(`CREATE INDEX report_submissions_quarter_idx ON report_submissions (quarter, area)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_submissions`);
  }
}
