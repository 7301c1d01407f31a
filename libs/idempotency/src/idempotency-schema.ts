/** DDL for the migrations of every service whose commands accept an Idempotency-Key. */
export const createIdempotencyTableSql = [
  `CREATE TABLE idempotency_keys (
     scope        text NOT NULL,
     key          text NOT NULL,
     fingerprint  text NOT NULL,
     result       jsonb NOT NULL,
     created_at   timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (scope, key)
   )`,
];

export const dropIdempotencyTableSql = ['DROP TABLE IF EXISTS idempotency_keys'];
