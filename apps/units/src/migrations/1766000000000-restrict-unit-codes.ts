import type { MigrationInterface, QueryRunner } from 'typeorm';
import { UNIT_CODE_PATTERN } from '@binh-yen/contracts';

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
