import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Taxonomy entries are published through the outbox (ADR 0042): each carries a revision, the
 * sequence of its events. Entries of before this migration have revision 0, "never published";
 * the service publishes them at start (TaxonomyPublisher), in the same transaction that sets 1.
 */
export class PublishTaxonomy1766400000000 implements MigrationInterface {
  name = 'PublishTaxonomy1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE incident_security_domains ADD COLUMN revision integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE incident_categories ADD COLUMN revision integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE incident_security_domains DROP COLUMN revision`);
    await queryRunner.query(`ALTER TABLE incident_categories DROP COLUMN revision`);
  }
}
