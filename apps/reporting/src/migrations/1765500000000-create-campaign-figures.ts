import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign figures (clauses 2 and 6): campaigns, their activities, household pledges
 * and reviews, the agreements signed, media stories and commendations. Every row that
 * counts under an area keeps the unit's path at the time of its event.
 */
export class CreateCampaignFigures1765500000000 implements MigrationInterface {
  name = 'CreateCampaignFigures1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaigns_v1 (
        campaign_id      uuid PRIMARY KEY,
        name             text NOT NULL,
        kind             text NOT NULL,
        lead_agency      text NOT NULL,
        partner_agencies text[] NOT NULL,
        status           text NOT NULL,
        starts_on        date NOT NULL,
        ends_on          date NOT NULL,
        goals            jsonb NOT NULL,
        latest_review    jsonb
      )`);
    await queryRunner.query(`
      CREATE TABLE campaign_activities_v1 (
        activity_id       uuid PRIMARY KEY,
        campaign_id       uuid NOT NULL,
        quarter           text NOT NULL,
        path              text NOT NULL,
        organising_agency text NOT NULL,
        kind              text NOT NULL,
        participants      integer NOT NULL,
        by_group          jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX campaign_activities_v1_quarter_path ON campaign_activities_v1 (quarter, path text_pattern_ops)`);
    await queryRunner.query(`
      CREATE TABLE campaign_pledges_v1 (
        pledge_id   uuid PRIMARY KEY,
        campaign_id uuid NOT NULL,
        quarter     text NOT NULL,
        path        text NOT NULL,
        households  integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX campaign_pledges_v1_quarter_path ON campaign_pledges_v1 (quarter, path text_pattern_ops)`);
    await queryRunner.query(`
      CREATE TABLE agreements_v1 (
        agreement_id uuid PRIMARY KEY,
        quarter      text NOT NULL,
        parties      text[] NOT NULL,
        paths        text[] NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE media_stories_v1 (
        story_id    uuid PRIMARY KEY,
        quarter     text NOT NULL,
        path        text NOT NULL,
        outlet_kind text NOT NULL,
        campaign_id uuid
      )`);
    await queryRunner.query(`
      CREATE TABLE commendations_v1 (
        commendation_id  uuid PRIMARY KEY,
        quarter          text NOT NULL,
        path             text NOT NULL,
        level            text NOT NULL,
        awarding_agency  text NOT NULL,
        campaign_id      uuid
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE commendations_v1, media_stories_v1, agreements_v1, campaign_pledges_v1, campaign_activities_v1, campaigns_v1`);
  }
}
