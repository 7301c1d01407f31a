import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit's point on the map (issue 21, ADR 0051): WGS 84 latitude and longitude of its seat,
 * both or neither. Units registered before have none until a code list gives them; the
 * dashboard's map leaves such units off the map and lists them beside it.
 */
export class UnitCoordinates1766700000000 implements MigrationInterface {
  name = 'UnitCoordinates1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE units ADD COLUMN latitude double precision, ADD COLUMN longitude double precision`);
    await queryRunner.query(
      `ALTER TABLE units ADD CONSTRAINT units_coordinates CHECK (
         (latitude IS NULL AND longitude IS NULL)
         OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE units DROP CONSTRAINT units_coordinates, DROP COLUMN latitude, DROP COLUMN longitude`);
  }
}
