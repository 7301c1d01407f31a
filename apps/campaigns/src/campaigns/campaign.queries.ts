import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { sqlWithinArea, type Caller } from '@binh-yen/auth';
import { computeProgress, vietnamDate } from '@binh-yen/campaigns-domain';
import { DataSource } from 'typeorm';
import type { CampaignRecord } from './campaign-record';
import { CampaignsRepository } from './campaigns.repository';
import { toCampaignView, type CampaignKindView, type CampaignPageView, type CampaignProgressView, type CampaignReviewView, type CampaignView } from './dto/campaign-views.dto';
import type { ListCampaignsQuery } from './dto/list-campaigns-query.dto';

/**
 * Read side. A caller sees a campaign that lies in its area or that covers part
 * of it: a commune officer sees the province's campaign that runs in the commune.
 */
@Injectable()
export class CampaignQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
  ) {}

  kinds(): Promise<CampaignKindView[]> {
    return this.dataSource.query(`SELECT slug, name_vi AS "nameVi", name_en AS "nameEn" FROM campaign_kinds ORDER BY slug`);
  }

  async list(query: ListCampaignsQuery, caller: Caller): Promise<CampaignPageView> {
    const limit = query.limit ?? 50;
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM campaigns c
        WHERE (${sqlWithinArea('c.area', '$1')}
               OR EXISTS (SELECT 1 FROM campaign_scope_units s
                           WHERE s.campaign_id = c.id AND (${sqlWithinArea('$1', 's.path')} OR ${sqlWithinArea('s.path', '$1')})))
          AND ($2::text IS NULL OR c.status = $2) AND ($3::text IS NULL OR c.kind = $3) AND ($4::uuid IS NULL OR c.id > $4)
        ORDER BY c.id LIMIT $5`,
      [caller.area, query.status ?? null, query.kind ?? null, query.cursor ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const items: CampaignView[] = [];
    for (const row of page) items.push(toCampaignView(await this.campaigns.require(this.dataSource.manager, row.id)));
    return { items, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  }

  async get(id: string, caller: Caller): Promise<CampaignRecord> {
    return this.campaigns.requireVisible(this.dataSource.manager, id, caller);
  }

  async progress(id: string, caller: Caller, now = new Date()): Promise<CampaignProgressView> {
    const campaign = await this.get(id, caller);
    // A closed campaign's progress stays at its closing day.
    const asOf = campaign.closedOn ?? vietnamDate(now);
    const facts = await this.campaigns.facts(this.dataSource.manager, campaign.id, asOf);
    const progress = computeProgress(campaign, facts, asOf);
    return {
      campaignId: campaign.id,
      ...progress,
      activities: facts.activities.length,
      participants: facts.activities.reduce((total, activity) => total + activity.participantsTotal, 0),
      householdsPledged: facts.pledgedHouseholds.reduce((total, households) => total + households, 0),
      storiesPublished: facts.storiesPublished,
    };
  }

  async reviews(id: string, caller: Caller): Promise<CampaignReviewView[]> {
    const campaign = await this.get(id, caller);
    return this.dataSource.query(
      `SELECT id, campaign_id AS "campaignId", kind, reviewed_on::text AS "reviewedOn", outcome, lessons,
              recommended_model_ids AS "recommendedModelIds", progress
         FROM campaign_reviews WHERE campaign_id = $1 ORDER BY reviewed_on, recorded_at`,
      [campaign.id],
    );
  }
}
