import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen: the values of the library constants as this migration ran them (ADR 0041). A migration
// never follows a later change of a library; a new schema change is a new migration.
const createIdempotencyTableSql = [
  `CREATE TABLE idempotency_keys (
     scope        text NOT NULL,
     key          text NOT NULL,
     fingerprint  text NOT NULL,
     result       jsonb NOT NULL,
     created_at   timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (scope, key)
   )`,
];
const dropIdempotencyTableSql = [
  'DROP TABLE IF EXISTS idempotency_keys',
];
const createOutboxTableSql = [
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
  'CREATE INDEX outbox_unpublished_idx ON outbox (position) WHERE published_at IS NULL',
];
const dropOutboxTableSql = [
  'DROP TABLE IF EXISTS outbox',
];

/** The registry: units with their hierarchy and lineage, and the movement's records of each unit. */
export class CreateUnitsRegistry1764300000000 implements MigrationInterface {
  name = 'CreateUnitsRegistry1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE units (
         id              uuid PRIMARY KEY,
         code            text NOT NULL UNIQUE,
         name            text NOT NULL,
         name_search     text NOT NULL,
         kind            text NOT NULL,
         subkind         text NOT NULL,
         parent_id       uuid REFERENCES units (id),
         path            text NOT NULL,
         status          text NOT NULL DEFAULT 'active',
         effective_from  date NOT NULL,
         effective_to    date,
         version         integer NOT NULL DEFAULT 1,
         created_at      timestamptz NOT NULL DEFAULT now(),
         updated_at      timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX units_path_idx ON units (path text_pattern_ops)`,
      `CREATE INDEX units_parent_idx ON units (parent_id)`,
      `CREATE INDEX units_name_search_idx ON units (name_search text_pattern_ops)`,
      `CREATE TABLE unit_lineage (
         predecessor_id  uuid NOT NULL REFERENCES units (id),
         successor_id    uuid NOT NULL REFERENCES units (id),
         change          text NOT NULL,
         effective_from  date NOT NULL,
         PRIMARY KEY (predecessor_id, successor_id)
       )`,
      `CREATE TABLE unit_ratings (
         unit_id           uuid NOT NULL REFERENCES units (id),
         quarter           text NOT NULL,
         revision          integer NOT NULL,
         rating            text NOT NULL,
         assessor          text NOT NULL,
         assessed_on       date NOT NULL,
         justification     text NOT NULL,
         improvement_plan  jsonb,
         recorded_by       text NOT NULL,
         recorded_at       timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (unit_id, quarter, revision)
       )`,
      `CREATE TABLE safety_certifications (
         unit_id        uuid NOT NULL REFERENCES units (id),
         year           integer NOT NULL,
         status         text NOT NULL,
         granted_on     date NOT NULL,
         revoked_on     date,
         revoke_reason  text,
         PRIMARY KEY (unit_id, year)
       )`,
      `CREATE TABLE hotspots (
         id             uuid PRIMARY KEY,
         unit_id        uuid NOT NULL REFERENCES units (id),
         reason         text NOT NULL,
         from_quarter   text NOT NULL,
         to_quarter     text NOT NULL,
         designated_by  text NOT NULL,
         designated_at  timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE pilot_units (
         district_id    uuid NOT NULL REFERENCES units (id),
         year           integer NOT NULL,
         pilot_unit_id  uuid NOT NULL REFERENCES units (id),
         designated_at  timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (district_id, year, pilot_unit_id)
       )`,
      `CREATE TABLE model_types (
         slug     text PRIMARY KEY,
         name_vi  text NOT NULL,
         name_en  text NOT NULL
       )`,
      `INSERT INTO model_types (slug, name_vi, name_en) VALUES
         ('self-managed-residential-group', 'Tổ dân phố tự quản', 'Self-managed residential group'),
         ('security-camera-network', 'Camera an ninh', 'Security camera network'),
         ('clan-self-management', 'Dòng họ tự quản về an ninh trật tự', 'Clan self-management'),
         ('crime-free-residential-area', 'Khu dân cư không có tội phạm và tệ nạn xã hội', 'Crime-free residential area'),
         ('grassroots-mediation-team', 'Tổ hòa giải ở cơ sở', 'Grassroots mediation team'),
         ('safe-school', 'Trường học an toàn về an ninh trật tự', 'School safe for security and order')`,
      `CREATE TABLE models (
         id               uuid PRIMARY KEY,
         unit_id          uuid NOT NULL REFERENCES units (id),
         model_type       text NOT NULL REFERENCES model_types (slug),
         name             text NOT NULL,
         started_on       date NOT NULL,
         description      text NOT NULL,
         stage            text NOT NULL,
         source_model_id  uuid REFERENCES models (id),
         version          integer NOT NULL DEFAULT 1
       )`,
      `CREATE TABLE model_reviews (
         id           uuid PRIMARY KEY,
         model_id     uuid NOT NULL REFERENCES models (id),
         kind         text NOT NULL,
         reviewed_on  date NOT NULL,
         outcome      text NOT NULL,
         lessons      text NOT NULL,
         recorded_by  text NOT NULL
       )`,
      `CREATE TABLE forces (
         id          uuid PRIMARY KEY,
         unit_id     uuid NOT NULL REFERENCES units (id),
         force_type  text NOT NULL,
         name        text NOT NULL,
         headcount   integer NOT NULL,
         leader      text NOT NULL
       )`,
      `CREATE TABLE training_sessions (
         id          uuid PRIMARY KEY,
         unit_id     uuid NOT NULL REFERENCES units (id),
         force_type  text NOT NULL,
         course      text NOT NULL,
         starts_on   date NOT NULL,
         ends_on     date NOT NULL,
         trainees    integer NOT NULL,
         hours       numeric NOT NULL
       )`,
      ...createOutboxTableSql,
      ...createIdempotencyTableSql,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...dropIdempotencyTableSql, ...dropOutboxTableSql]) await queryRunner.query(sql);
    for (const table of ['training_sessions', 'forces', 'model_reviews', 'models', 'model_types', 'pilot_units', 'hotspots', 'safety_certifications', 'unit_ratings', 'unit_lineage', 'units']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
