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

/**
 * Campaigns, agreements, activities, pledges, reviews, stories, commendations;
 * the replica of units (and its consumer bookkeeping), idempotency keys and the
 * audit trail. Dates are `date` (Vietnam's calendar days), never instants.
 */
export class CreateCampaigns1764800000000 implements MigrationInterface {
  name = 'CreateCampaigns1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      ...createKnownUnitsTableSql,
      ...createConsumerTablesSql,
      ...createIdempotencyTableSql,
      ...createAuditTableSql,
      `CREATE TABLE campaign_kinds (
         slug     text PRIMARY KEY,
         name_vi  text NOT NULL,
         name_en  text NOT NULL
       )`,
      // Clause 2: the movement itself and the campaigns it goes together with.
      `INSERT INTO campaign_kinds (slug, name_vi, name_en) VALUES
         ('movement', 'Phong trào quần chúng bảo vệ an ninh Tổ quốc', 'Mass movement for protecting national security'),
         ('hunger-eradication-poverty-reduction', 'Xóa đói giảm nghèo', 'Hunger eradication and poverty reduction'),
         ('cultural-families', 'Xây dựng gia đình văn hóa', 'Building cultural families'),
         ('peaceful-villages-harmonious-families', 'Làng xã, thôn xóm bình yên, gia đình hòa thuận', 'Peaceful villages and hamlets, harmonious families')`,
      `CREATE TABLE agreements (
         id                 uuid PRIMARY KEY,
         title              text NOT NULL,
         parties            text[] NOT NULL,
         signed_on          date NOT NULL,
         effective_from     date NOT NULL,
         effective_to       date,
         scope              jsonb NOT NULL,
         obligations        jsonb NOT NULL,
         area               text NOT NULL,
         recorded_by        text NOT NULL,
         recording_agency   text NOT NULL,
         recorded_at        timestamptz NOT NULL DEFAULT now(),
         version            integer NOT NULL DEFAULT 1
       )`,
      `CREATE INDEX agreements_area_idx ON agreements (area text_pattern_ops)`,
      `CREATE TABLE campaigns (
         id                 uuid PRIMARY KEY,
         name               text NOT NULL,
         kind               text NOT NULL REFERENCES campaign_kinds (slug),
         lead_agency        text NOT NULL,
         partner_agencies   text[] NOT NULL,
         starts_on          date NOT NULL,
         ends_on            date NOT NULL,
         status             text NOT NULL CHECK (status IN ('planned', 'active', 'closed')),
         area               text NOT NULL,
         activated_on       date,
         closed_on          date,
         launched_by        text NOT NULL,
         launched_at        timestamptz NOT NULL DEFAULT now(),
         version            integer NOT NULL DEFAULT 1,
         last_sequence      integer NOT NULL DEFAULT 1,
         CHECK (ends_on >= starts_on)
       )`,
      `CREATE INDEX campaigns_area_idx ON campaigns (area text_pattern_ops)`,
      `CREATE TABLE campaign_scope_units (
         campaign_id  uuid NOT NULL REFERENCES campaigns (id),
         unit_id      uuid NOT NULL,
         unit_code    text NOT NULL,
         path         text NOT NULL,
         PRIMARY KEY (campaign_id, unit_id)
       )`,
      `CREATE INDEX campaign_scope_units_path_idx ON campaign_scope_units (path text_pattern_ops)`,
      `CREATE TABLE campaign_goals (
         campaign_id  uuid NOT NULL REFERENCES campaigns (id),
         position     integer NOT NULL,
         measure      text NOT NULL,
         target       integer NOT NULL CHECK (target > 0),
         PRIMARY KEY (campaign_id, measure)
       )`,
      `CREATE TABLE campaign_agreements (
         campaign_id   uuid NOT NULL REFERENCES campaigns (id),
         agreement_id  uuid NOT NULL REFERENCES agreements (id),
         linked_at     timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (campaign_id, agreement_id)
       )`,
      `CREATE TABLE campaign_activities (
         id                     uuid PRIMARY KEY,
         campaign_id            uuid NOT NULL REFERENCES campaigns (id),
         kind                   text NOT NULL,
         held_on                date NOT NULL,
         unit_id                uuid NOT NULL,
         unit_code              text NOT NULL,
         path                   text NOT NULL,
         organising_agency      text NOT NULL,
         participants_total     integer NOT NULL CHECK (participants_total >= 0),
         participants_by_group  jsonb NOT NULL,
         notes                  text NOT NULL,
         recorded_by            text NOT NULL,
         recorded_at            timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX campaign_activities_campaign_idx ON campaign_activities (campaign_id, held_on)`,
      `CREATE TABLE household_pledges (
         id           uuid PRIMARY KEY,
         campaign_id  uuid NOT NULL REFERENCES campaigns (id),
         unit_id      uuid NOT NULL,
         unit_code    text NOT NULL,
         path         text NOT NULL,
         households   integer NOT NULL CHECK (households > 0),
         valid_from   date NOT NULL,
         valid_to     date NOT NULL,
         recorded_by  text NOT NULL,
         recorded_at  timestamptz NOT NULL DEFAULT now(),
         CHECK (valid_to >= valid_from)
       )`,
      `CREATE INDEX household_pledges_campaign_idx ON household_pledges (campaign_id, unit_id)`,
      `CREATE TABLE campaign_reviews (
         id                      uuid PRIMARY KEY,
         campaign_id             uuid NOT NULL REFERENCES campaigns (id),
         kind                    text NOT NULL CHECK (kind IN ('interim', 'final')),
         reviewed_on             date NOT NULL,
         outcome                 text NOT NULL,
         lessons                 text NOT NULL,
         recommended_model_ids   uuid[] NOT NULL,
         progress                jsonb NOT NULL,
         recorded_by             text NOT NULL,
         recorded_at             timestamptz NOT NULL DEFAULT now()
       )`,
      // One final review (tổng kết) per campaign, whatever two officers do at once.
      `CREATE UNIQUE INDEX campaign_reviews_one_final_idx ON campaign_reviews (campaign_id) WHERE kind = 'final'`,
      `CREATE TABLE media_stories (
         id             uuid PRIMARY KEY,
         outlet_name    text NOT NULL,
         outlet_kind    text NOT NULL CHECK (outlet_kind IN ('radio', 'newspaper', 'television', 'online')),
         published_on   date NOT NULL,
         title          text NOT NULL,
         link           text,
         about_kind     text NOT NULL CHECK (about_kind IN ('person', 'collective', 'model')),
         about_name     text,
         model_id       uuid,
         unit_id        uuid NOT NULL,
         unit_code      text NOT NULL,
         path           text NOT NULL,
         campaign_id    uuid REFERENCES campaigns (id),
         recorded_by    text NOT NULL,
         recorded_at    timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX media_stories_path_idx ON media_stories (path text_pattern_ops)`,
      `CREATE INDEX media_stories_campaign_idx ON media_stories (campaign_id)`,
      `CREATE TABLE commendations (
         id               uuid PRIMARY KEY,
         recipient_kind   text NOT NULL CHECK (recipient_kind IN ('person', 'collective', 'unit')),
         recipient_name   text,
         unit_id          uuid NOT NULL,
         unit_code        text NOT NULL,
         path             text NOT NULL,
         level            text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
         reason           text NOT NULL,
         awarded_on       date NOT NULL,
         awarding_agency  text NOT NULL,
         campaign_id      uuid REFERENCES campaigns (id),
         model_id         uuid,
         story_id         uuid REFERENCES media_stories (id),
         recorded_by      text NOT NULL,
         recorded_at      timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX commendations_path_idx ON commendations (path text_pattern_ops)`,
      `CREATE INDEX commendations_campaign_idx ON commendations (campaign_id)`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'commendations',
      'media_stories',
      'campaign_reviews',
      'household_pledges',
      'campaign_activities',
      'campaign_agreements',
      'campaign_goals',
      'campaign_scope_units',
      'campaigns',
      'agreements',
      'campaign_kinds',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    for (const sql of [...dropAuditTableSql, ...dropIdempotencyTableSql, ...dropConsumerTablesSql, ...dropKnownUnitsTableSql]) await queryRunner.query(sql);
  }
}
