import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTableSql, dropAuditTableSql } from '@binh-yen/audit';
import { createIdempotencyTableSql, dropIdempotencyTableSql } from '@binh-yen/idempotency';
import { SEED_CATEGORIES, SEED_SECURITY_DOMAINS } from '@binh-yen/incidents-domain';
import { createConsumerTablesSql, dropConsumerTablesSql } from '@binh-yen/messaging';
import { createKnownUnitsTableSql, dropKnownUnitsTableSql } from '@binh-yen/unit-directory';

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
