import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTableSql, dropAuditTableSql } from '@binh-yen/audit';

export class CreateUnitsAudit1764600000000 implements MigrationInterface {
  name = 'CreateUnitsAudit1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of createAuditTableSql) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropAuditTableSql) await queryRunner.query(sql);
  }
}
