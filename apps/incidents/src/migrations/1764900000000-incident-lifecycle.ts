import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen: the values of the library constants as this migration ran them (ADR 0041). A migration
// never follows a later change of a library; a new schema change is a new migration.
const createAuditTableSql = [
  `CREATE TABLE audit_log (
     id           uuid PRIMARY KEY,
     recorded_at  timestamptz NOT NULL DEFAULT now(),
     subject      text NOT NULL,
     agency       text NOT NULL,
     action       text NOT NULL,
     entity_type  text NOT NULL,
     entity_id    text NOT NULL,
     area         text NOT NULL,
     before       jsonb,
     after        jsonb,
     request_id   text
   )`,
  'CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, recorded_at)',
  'CREATE INDEX audit_log_subject_idx ON audit_log (subject, recorded_at)',
];
const dropAuditTableSql = [
  'DROP TABLE IF EXISTS audit_log',
];
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
const SEED_CATEGORIES = [
  { slug: 'hostile-activity', nameVi: 'Hoạt động của các thế lực thù địch', nameEn: 'Hostile activity', defaultDomain: 'national-security' },
  { slug: 'state-secrets-leak', nameVi: 'Lộ, lọt bí mật nhà nước', nameEn: 'Leak of state secrets', defaultDomain: 'state-secrets' },
  { slug: 'dispute-complaint', nameVi: 'Mâu thuẫn, tranh chấp, khiếu kiện', nameEn: 'Dispute or complaint', defaultDomain: 'rural-security' },
  { slug: 'corruption', nameVi: 'Tham nhũng', nameEn: 'Corruption', defaultDomain: 'economic-security' },
  { slug: 'smuggling', nameVi: 'Buôn lậu', nameEn: 'Smuggling', defaultDomain: 'economic-security' },
  { slug: 'criminal-offence', nameVi: 'Tội phạm hình sự', nameEn: 'Criminal offence', defaultDomain: 'social-order' },
  { slug: 'traffic-order', nameVi: 'Trật tự an toàn giao thông', nameEn: 'Traffic order', defaultDomain: 'social-order' },
  { slug: 'urban-order', nameVi: 'Trật tự đô thị', nameEn: 'Urban order', defaultDomain: 'social-order' },
  { slug: 'drugs', nameVi: 'Ma túy', nameEn: 'Drugs', defaultDomain: 'social-order' },
  { slug: 'gambling', nameVi: 'Cờ bạc', nameEn: 'Gambling', defaultDomain: 'social-order' },
  { slug: 'prostitution', nameVi: 'Mại dâm', nameEn: 'Prostitution', defaultDomain: 'social-order' },
  { slug: 'other', nameVi: 'Khác', nameEn: 'Other', defaultDomain: 'social-order' },
];
const SEED_SECURITY_DOMAINS = [
  { slug: 'national-security', nameVi: 'An ninh quốc gia (hoạt động thù địch, phá hoại)', nameEn: 'National security (hostile activity, sabotage)' },
  { slug: 'internal-security', nameVi: 'An ninh nội bộ', nameEn: 'Internal security' },
  { slug: 'state-secrets', nameVi: 'Bảo vệ bí mật nhà nước', nameEn: 'State secrets' },
  { slug: 'economic-security', nameVi: 'An ninh kinh tế', nameEn: 'Economic security' },
  { slug: 'cultural-ideological-security', nameVi: 'An ninh văn hóa – tư tưởng', nameEn: 'Cultural-ideological security' },
  { slug: 'rural-security', nameVi: 'An ninh nông thôn', nameEn: 'Rural security' },
  { slug: 'social-order', nameVi: 'Trật tự an toàn xã hội', nameEn: 'Social order and safety' },
];
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
const createKnownUnitsTableSql = [
  `CREATE TABLE known_units (
     unit_id         uuid PRIMARY KEY,
     code            text NOT NULL UNIQUE,
     name            text NOT NULL,
     kind            text NOT NULL,
     subkind         text NOT NULL,
     parent_id       uuid,
     path            text NOT NULL,
     status          text NOT NULL,
     successor_ids   uuid[] NOT NULL DEFAULT '{}',
     effective_from  date NOT NULL,
     updated_at      timestamptz NOT NULL DEFAULT now()
   )`,
  'CREATE INDEX known_units_path_idx ON known_units (path text_pattern_ops)',
];
const dropKnownUnitsTableSql = [
  'DROP TABLE IF EXISTS known_units',
];

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * The incident register of issue 4: the taxonomy as data (seeded from domain.md),
 * intake fields, the case lifecycle and its history, informants apart and
 * encrypted, full-text search on folded text (no extension needed, so PGlite and
 * Debian's PostgreSQL both take it), the units replica, idempotency and audit.
 * Incidents of the skeleton keep their rows: source agency-report, domain from
 * their category (or social-order), no unit id (their area is the unit code).
 */
export class IncidentLifecycle1764900000000 implements MigrationInterface {
  name = 'IncidentLifecycle1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      ...createKnownUnitsTableSql,
      ...createConsumerTablesSql,
      ...createIdempotencyTableSql,
      ...createAuditTableSql,
      `CREATE TABLE incident_security_domains (
         slug        text PRIMARY KEY,
         name_vi     text NOT NULL,
         name_en     text NOT NULL,
         active      boolean NOT NULL DEFAULT true,
         updated_at  timestamptz NOT NULL DEFAULT now()
       )`,
      `INSERT INTO incident_security_domains (slug, name_vi, name_en) VALUES
         ${SEED_SECURITY_DOMAINS.map((entry) => `(${literal(entry.slug)}, ${literal(entry.nameVi)}, ${literal(entry.nameEn)})`).join(',\n         ')}`,
      `CREATE TABLE incident_categories (
         slug            text PRIMARY KEY,
         name_vi         text NOT NULL,
         name_en         text NOT NULL,
         default_domain  text NOT NULL REFERENCES incident_security_domains (slug),
         active          boolean NOT NULL DEFAULT true,
         updated_at      timestamptz NOT NULL DEFAULT now()
       )`,
      `INSERT INTO incident_categories (slug, name_vi, name_en, default_domain) VALUES
         ${SEED_CATEGORIES.map((entry) => `(${literal(entry.slug)}, ${literal(entry.nameVi)}, ${literal(entry.nameEn)}, ${literal(entry.defaultDomain)})`).join(',\n         ')}`,
      `ALTER TABLE incidents
         ADD COLUMN unit_id                uuid,
         ADD COLUMN domain                 text,
         ADD COLUMN source                 text NOT NULL DEFAULT 'agency-report',
         ADD COLUMN severity               text,
         ADD COLUMN location_text          text,
         ADD COLUMN latitude               double precision,
         ADD COLUMN longitude              double precision,
         ADD COLUMN suspects               integer NOT NULL DEFAULT 0 CHECK (suspects >= 0),
         ADD COLUMN victims                integer NOT NULL DEFAULT 0 CHECK (victims >= 0),
         ADD COLUMN injured                integer NOT NULL DEFAULT 0 CHECK (injured >= 0),
         ADD COLUMN deaths                 integer NOT NULL DEFAULT 0 CHECK (deaths >= 0),
         ADD COLUMN has_informant          boolean NOT NULL DEFAULT false,
         ADD COLUMN possible_duplicate_of  uuid[] NOT NULL DEFAULT '{}',
         ADD COLUMN recorded_at            timestamptz NOT NULL DEFAULT now(),
         ADD COLUMN updated_at             timestamptz NOT NULL DEFAULT now(),
         ADD COLUMN verified_at            timestamptz,
         ADD COLUMN referred_at            timestamptz,
         ADD COLUMN indicted_at            timestamptz,
         ADD COLUMN tried_at               timestamptz,
         ADD COLUMN closed_at              timestamptz,
         ADD COLUMN close_reason           text,
         ADD COLUMN verdict                text,
         ADD COLUMN sentence_summary       text,
         ADD COLUMN search_text            text NOT NULL DEFAULT ''`,
      `UPDATE incidents i SET domain = COALESCE((SELECT c.default_domain FROM incident_categories c WHERE c.slug = i.category), 'social-order'),
         recorded_at = reported_at, updated_at = reported_at, search_text = lower(summary)`,
      `ALTER TABLE incidents ALTER COLUMN domain SET NOT NULL`,
      `ALTER TABLE incidents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`,
      `CREATE INDEX incidents_search_idx ON incidents USING gin (search_vector)`,
      `CREATE INDEX incidents_unit_category_idx ON incidents (unit_id, category, occurred_at)`,
      `CREATE INDEX incidents_status_idx ON incidents (status)`,
      // The informant of a public tip: apart, AES-256-GCM, bound to its incident (AAD).
      `CREATE TABLE incident_informants (
         incident_id  uuid PRIMARY KEY REFERENCES incidents (id),
         key_id       text NOT NULL,
         iv           bytea NOT NULL,
         ciphertext   bytea NOT NULL,
         auth_tag     bytea NOT NULL,
         recorded_at  timestamptz NOT NULL DEFAULT now()
       )`,
      // The case's timeline: every step, who, agency, when, note.
      `CREATE TABLE incident_history (
         id           uuid PRIMARY KEY,
         incident_id  uuid NOT NULL REFERENCES incidents (id),
         sequence     integer NOT NULL,
         action       text NOT NULL,
         from_status  text,
         to_status    text NOT NULL,
         agency       text NOT NULL,
         actor        text NOT NULL,
         at           timestamptz NOT NULL,
         note         text,
         details      jsonb NOT NULL DEFAULT '{}',
         UNIQUE (incident_id, sequence)
       )`,
      `INSERT INTO incident_history (id, incident_id, sequence, action, from_status, to_status, agency, actor, at)
         SELECT id, id, 1, 'report', NULL, 'reported', reporting_agency, reported_by, reported_at FROM incidents`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP TABLE incident_history`,
      `DROP TABLE incident_informants`,
      `DROP INDEX incidents_status_idx`,
      `DROP INDEX incidents_unit_category_idx`,
      `DROP INDEX incidents_search_idx`,
      `ALTER TABLE incidents DROP COLUMN search_vector, DROP COLUMN search_text, DROP COLUMN sentence_summary, DROP COLUMN verdict,
         DROP COLUMN close_reason, DROP COLUMN closed_at, DROP COLUMN tried_at, DROP COLUMN indicted_at, DROP COLUMN referred_at,
         DROP COLUMN verified_at, DROP COLUMN updated_at, DROP COLUMN recorded_at, DROP COLUMN possible_duplicate_of, DROP COLUMN has_informant,
         DROP COLUMN deaths, DROP COLUMN injured, DROP COLUMN victims, DROP COLUMN suspects, DROP COLUMN longitude, DROP COLUMN latitude,
         DROP COLUMN location_text, DROP COLUMN severity, DROP COLUMN source, DROP COLUMN domain, DROP COLUMN unit_id`,
      `DROP TABLE incident_categories`,
      `DROP TABLE incident_security_domains`,
      ...dropAuditTableSql,
      ...dropIdempotencyTableSql,
      ...dropConsumerTablesSql,
      ...dropKnownUnitsTableSql,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }
}
