import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen: the values of the library constants as this migration ran them (ADR 0041). A migration
// never follows a later change of a library; a new schema change is a new migration.
const createAuditTableSql = [
  `CREATE TABLE audit_log (
     id           uuid PRIMARY KEY,
     recorded_at  timestamptz NOT NULL DEFAULT now(),
     subject      text NOT NULL,
     agency       text NOT NULL,
     action       text NOT NULL,
     entity_type  text NOT NULL,
     entity_id    text NOT NULL,
     area         text NOT NULL,
     before       jsonb,
     after        jsonb,
     request_id   text
   )`,
  'CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, recorded_at)',
  'CREATE INDEX audit_log_subject_idx ON audit_log (subject, recorded_at)',
];
const dropAuditTableSql = [
  'DROP TABLE IF EXISTS audit_log',
];

export class CreateUnitsAudit1764600000000 implements MigrationInterface {
  name = 'CreateUnitsAudit1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of createAuditTableSql) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropAuditTableSql) await queryRunner.query(sql);
  }
}
