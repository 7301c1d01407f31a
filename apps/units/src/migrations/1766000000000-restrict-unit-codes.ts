import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen: the values of the library constants as this migration ran them (ADR 0041). A migration
// never follows a later change of a library; a new schema change is a new migration.
const UNIT_CODE_PATTERN = '^[0-9A-Z]{1,32}$';

/**
 * Unit codes hold capital letters and digits only (issue 23, ADR 0025): a code with `_` or `%`
 * read as a LIKE pattern, or differing only in case, widened an area. The database refuses
 * them too; a registry that holds one stops this migration, to be corrected before upgrading.
 */
export class RestrictUnitCodes1766000000000 implements MigrationInterface {
  name = 'RestrictUnitCodes1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE units ADD CONSTRAINT units_code_official CHECK (code ~ '${UNIT_CODE_PATTERN}')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE units DROP CONSTRAINT units_code_official`);
  }
}
