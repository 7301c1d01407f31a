import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of the movement (units and models topics), version 1. Every row keeps
 * the unit's path at the time of the event, so a past quarter's figures stay put
 * after a merge ("as at the time"); `unit_today_v1` maps any unit to the active unit
 * it lives on in today ("as today").
 */
export class CreateMovementScorecard1764400000000 implements MigrationInterface {
  name = 'CreateMovementScorecard1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE report_units_v1 (
         unit_id         uuid PRIMARY KEY,
         code            text NOT NULL,
         name            text NOT NULL,
         kind            text NOT NULL,
         subkind         text NOT NULL,
         parent_id       uuid,
         path            text NOT NULL,
         status          text NOT NULL,
         effective_from  date NOT NULL,
         effective_to    date,
         successor_ids   uuid[] NOT NULL DEFAULT '{}',
         predecessor_ids uuid[] NOT NULL DEFAULT '{}'
       )`,
      `CREATE INDEX report_units_v1_path_idx ON report_units_v1 (path text_pattern_ops)`,
      // Every path a unit ever had: rows keyed by a past path find their unit, then today's.
      `CREATE TABLE unit_paths_v1 (
         path     text PRIMARY KEY,
         unit_id  uuid NOT NULL
       )`,
      `CREATE VIEW unit_today_v1 AS
         WITH RECURSIVE chain (unit_id, current_id, depth) AS (
           SELECT unit_id, unit_id, 0 FROM report_units_v1
           UNION ALL
           SELECT chain.unit_id, units.successor_ids[1], chain.depth + 1
             FROM chain JOIN report_units_v1 units ON units.unit_id = chain.current_id
            WHERE units.status <> 'active' AND cardinality(units.successor_ids) > 0 AND chain.depth < 32
         )
         SELECT DISTINCT ON (chain.unit_id) chain.unit_id, today.unit_id AS today_unit_id, today.path AS today_path
           FROM chain JOIN report_units_v1 today ON today.unit_id = chain.current_id
          ORDER BY chain.unit_id, chain.depth DESC`,
      `CREATE TABLE unit_ratings_v1 (
         unit_id           uuid NOT NULL,
         quarter           text NOT NULL,
         revision          integer NOT NULL,
         rating            text NOT NULL,
         path              text NOT NULL,
         assessed_on       date NOT NULL,
         improvement_plan  jsonb,
         PRIMARY KEY (quarter, unit_id)
       )`,
      `CREATE INDEX unit_ratings_v1_path_idx ON unit_ratings_v1 (quarter, path text_pattern_ops)`,
      `CREATE TABLE unit_certifications_v1 (
         unit_id  uuid NOT NULL,
         year     integer NOT NULL,
         status   text NOT NULL,
         path     text NOT NULL,
         PRIMARY KEY (year, unit_id)
       )`,
      `CREATE TABLE hotspots_v1 (
         event_id      uuid PRIMARY KEY,
         unit_id       uuid NOT NULL,
         path          text NOT NULL,
         reason        text NOT NULL,
         from_quarter  text NOT NULL,
         to_quarter    text NOT NULL
       )`,
      `CREATE TABLE pilot_units_v1 (
         district_id    uuid NOT NULL,
         year           integer NOT NULL,
         pilot_unit_id  uuid NOT NULL,
         district_path  text NOT NULL,
         pilot_path     text NOT NULL,
         PRIMARY KEY (district_id, year, pilot_unit_id)
       )`,
      `CREATE TABLE model_milestones_v1 (
         event_id   uuid PRIMARY KEY,
         model_id   uuid NOT NULL,
         milestone  text NOT NULL,
         quarter    text NOT NULL,
         path       text NOT NULL,
         unit_id    uuid NOT NULL
       )`,
      `CREATE INDEX model_milestones_v1_idx ON model_milestones_v1 (quarter, path text_pattern_ops)`,
      `CREATE TABLE forces_v1 (
         force_id    uuid PRIMARY KEY,
         unit_id     uuid NOT NULL,
         path        text NOT NULL,
         force_type  text NOT NULL,
         headcount   integer NOT NULL
       )`,
      `CREATE TABLE training_v1 (
         session_id  uuid PRIMARY KEY,
         unit_id     uuid NOT NULL,
         path        text NOT NULL,
         force_type  text NOT NULL,
         quarter     text NOT NULL,
         trainees    integer NOT NULL,
         hours       numeric NOT NULL
       )`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW unit_today_v1`);
    for (const table of ['training_v1', 'forces_v1', 'unit_paths_v1', 'model_milestones_v1', 'pilot_units_v1', 'hotspots_v1', 'unit_certifications_v1', 'unit_ratings_v1', 'report_units_v1']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
