import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen: the values of the library constants as this migration ran them (ADR 0041). A migration
// never follows a later change of a library; a new schema change is a new migration.
const createConsumerTablesSql = [
  `CREATE TABLE consumer_inbox (
     consumer   text NOT NULL,
     event_id   uuid NOT NULL,
     applied_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (consumer, event_id)
   )`,
  `CREATE TABLE consumer_offsets (
     consumer       text NOT NULL,
     topic          text NOT NULL,
     partition      integer NOT NULL,
     next_offset    bigint NOT NULL,
     last_event_at  timestamptz,
     updated_at     timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (consumer, topic, partition)
   )`,
  `CREATE TABLE dead_letters (
     id             bigserial PRIMARY KEY,
     consumer       text NOT NULL,
     topic          text NOT NULL,
     partition      integer NOT NULL,
     message_offset bigint NOT NULL,
     event_id       text,
     event_type     text,
     reason_kind    text NOT NULL,
     reason         text NOT NULL,
     message_key    text,
     payload        text,
     recorded_at    timestamptz NOT NULL DEFAULT now(),
     UNIQUE (consumer, topic, partition, message_offset)
   )`,
];
const dropConsumerTablesSql = [
  'DROP TABLE IF EXISTS dead_letters',
  'DROP TABLE IF EXISTS consumer_offsets',
  'DROP TABLE IF EXISTS consumer_inbox',
];

export class CreateIncidentCounts1764300000000 implements MigrationInterface {
  name = 'CreateIncidentCounts1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of createConsumerTablesSql) await queryRunner.query(sql);
    // Versioned table: a rebuild of v2 fills incident_counts_v2 beside it.
    await queryRunner.query(`
      CREATE TABLE incident_counts_v1 (
        area       text NOT NULL,
        quarter    text NOT NULL,
        category   text NOT NULL,
        incidents  integer NOT NULL,
        PRIMARY KEY (quarter, area, category)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE incident_counts_v1`);
    for (const sql of dropConsumerTablesSql) await queryRunner.query(sql);
  }
}
