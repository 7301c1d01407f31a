import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { sqlWithinArea, type Caller } from '@binh-yen/auth';
import { DataSource } from 'typeorm';
import { CampaignQueries } from '../campaigns/campaign.queries';
import type { ActivityView, PledgeView } from './dto/campaign-work.dto';

/** What was done in a campaign, limited to the caller's area (a commune sees its own). */
@Injectable()
export class CampaignWorkQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignQueries,
  ) {}

  async activities(campaignId: string, caller: Caller): Promise<ActivityView[]> {
    await this.campaigns.get(campaignId, caller);
    return this.dataSource.query(
      `SELECT id, campaign_id AS "campaignId", kind, held_on::text AS "heldOn", unit_code AS "unitCode", path, organising_agency AS "organisingAgency",
              json_build_object('total', participants_total, 'byGroup', participants_by_group) AS participants, notes
         FROM campaign_activities
        WHERE campaign_id = $1 AND ${sqlWithinArea('path', '$2')}
        ORDER BY held_on, recorded_at`,
      [campaignId, caller.area],
    );
  }

  async pledges(campaignId: string, caller: Caller): Promise<PledgeView[]> {
    await this.campaigns.get(campaignId, caller);
    return this.dataSource.query(
      `SELECT id, campaign_id AS "campaignId", unit_code AS "unitCode", path, households, valid_from::text AS "validFrom", valid_to::text AS "validTo"
         FROM household_pledges
        WHERE campaign_id = $1 AND ${sqlWithinArea('path', '$2')}
        ORDER BY valid_from, recorded_at`,
      [campaignId, caller.area],
    );
  }
}
