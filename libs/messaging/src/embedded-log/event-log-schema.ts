import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The embedded event log: what Kafka keeps in its segments, kept in Postgres
 * tables (SQL that both PGlite's Postgres 18 and Postgres 15 accept).
 * - event_log_topics / event_log_partitions: topics are created explicitly with
 *   a partition count; each partition's head row hands out offsets, and its row
 *   lock keeps appends to one partition in commit order (no gaps, no overtaking).
 * - event_log: the messages, never deleted (unlimited retention, for rebuilds).
 * - event_log_group_offsets: each consumer group's committed next offset.
 */
export class CreateEventLog1765000000000 implements MigrationInterface {
  name = 'CreateEventLog1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE event_log_topics (
      topic       text PRIMARY KEY,
      partitions  integer NOT NULL CHECK (partitions > 0),
      created_at  timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE event_log_partitions (
      topic        text NOT NULL REFERENCES event_log_topics (topic),
      partition    integer NOT NULL,
      next_offset  bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (topic, partition)
    )`);
    await runner.query(`CREATE TABLE event_log (
      topic           text NOT NULL,
      partition       integer NOT NULL,
      message_offset  bigint NOT NULL,
      message_key     bytea,
      headers         jsonb NOT NULL DEFAULT '{}'::jsonb,
      value           bytea,
      appended_at     timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (topic, partition, message_offset)
    )`);
    await runner.query(`CREATE TABLE event_log_group_offsets (
      group_id     text NOT NULL,
      topic        text NOT NULL,
      partition    integer NOT NULL,
      next_offset  bigint NOT NULL,
      updated_at   timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (group_id, topic, partition)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['event_log_group_offsets', 'event_log', 'event_log_partitions', 'event_log_topics']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

/** The log database's migrations, in order (run like any service's). */
export const eventLogMigrations = [CreateEventLog1765000000000];
