/**
 * DDL of the messaging tables, used by each service's own migrations so the
 * schema is created only by migrations. Kept as SQL both Postgres 15 and PGlite accept.
 */
export const OUTBOX_NOTIFY_CHANNEL = 'binhyen_outbox';

export const createOutboxTableSql = [
  `CREATE TABLE outbox (
     position      bigserial PRIMARY KEY,
     event_id      uuid NOT NULL UNIQUE,
     topic         text NOT NULL,
     message_key   text NOT NULL,
     event_type    text NOT NULL,
     payload       text NOT NULL,
     headers       jsonb NOT NULL DEFAULT '{}'::jsonb,
     created_at    timestamptz NOT NULL DEFAULT now(),
     published_at  timestamptz
   )`,
  // The relay only ever looks for unpublished rows; this index stays small.
  `CREATE INDEX outbox_unpublished_idx ON outbox (position) WHERE published_at IS NULL`,
];

export const dropOutboxTableSql = ['DROP TABLE IF EXISTS outbox'];

/** Consumer-side bookkeeping: inbox (exactly-once by event id), offsets, dead letters. */
export const createConsumerTablesSql = [
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

export const dropConsumerTablesSql = [
  'DROP TABLE IF EXISTS dead_letters',
  'DROP TABLE IF EXISTS consumer_offsets',
  'DROP TABLE IF EXISTS consumer_inbox',
];
