import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTableSql, dropOutboxTableSql } from '@binh-yen/messaging';

export class CreateCampaignsOutbox1764300000000 implements MigrationInterface {
  name = 'CreateCampaignsOutbox1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of createOutboxTableSql) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTableSql) await queryRunner.query(sql);
  }
}
