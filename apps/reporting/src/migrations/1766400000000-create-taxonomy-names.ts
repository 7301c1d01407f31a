import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every name an incident category or security domain has had, from when (ADR 0042): a report
 * names its rows as they were named at the end of its period, so a renamed category reads
 * right in new reports and past reports keep theirs.
 */
export class CreateTaxonomyNames1766400000000 implements MigrationInterface {
  name = 'CreateTaxonomyNames1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE taxonomy_names_v1 (
        kind        text NOT NULL CHECK (kind IN ('domain', 'category')),
        slug        text NOT NULL,
        valid_from  timestamptz NOT NULL,
        name_vi     text NOT NULL,
        name_en     text NOT NULL,
        PRIMARY KEY (kind, slug, valid_from)
      )`);
    // Names sort as Vietnamese does wherever the database sorts them (ORDER BY … COLLATE vietnamese):
    // the server's ICU collation vi-VN-x-icu where initdb made it, else ICU's vi-VN made here (PGlite).
    const [icu] = await queryRunner.query(`SELECT 1 FROM pg_collation WHERE collname = 'vi-VN-x-icu'`);
    await queryRunner.query(`CREATE COLLATION IF NOT EXISTS vietnamese ${icu ? 'FROM "vi-VN-x-icu"' : "(provider = icu, locale = 'vi-VN')"}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE taxonomy_names_v1`);
    await queryRunner.query(`DROP COLLATION IF EXISTS vietnamese`);
  }
}
