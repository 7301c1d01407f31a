import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { assertParty, checkPledge } from '@binh-yen/campaigns-domain';
import { newEvent, CampaignEventTypes, uuidv7, type CampaignPledgeRecordedV1 } from '@binh-yen/contracts';
import { UnitResolver } from '@binh-yen/unit-directory';
import { stateOf } from '../campaigns/campaign-record';
import { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { PledgeView, RecordPledgeDto } from './dto/campaign-work.dto';

/** Households of a unit pledge to keep security and order (cam kết an toàn an ninh trật tự). */
@Injectable()
export class RecordPledgeUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly campaigns: CampaignsRepository,
    private readonly units: UnitResolver,
  ) {}

  async execute(campaignId: string, input: RecordPledgeDto, context: CommandContext): Promise<PledgeView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'record-pledge', request: { campaignId, ...input } }, context, async (tx) => {
      const campaign = await this.campaigns.requireVisible(tx, campaignId, caller, true);
      const unit = await this.units.activeUnit(tx, input.unitCode, 'unitCode');
      assertInArea(caller, unit.path, unit.code);
      assertParty(campaign, caller.agency);
      const existing: { unitPath: string; validFrom: string; validTo: string }[] = await tx.query(
        `SELECT path AS "unitPath", valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM household_pledges WHERE campaign_id = $1 AND unit_id = $2`,
        [campaign.id, unit.unitId],
      );
      // The replica's path today may differ from the one stored then; compare units, not paths.
      const pledges = existing.map((pledge) => ({ ...pledge, unitPath: unit.path }));
      checkPledge(stateOf(campaign), { unitPath: unit.path, households: input.households, validFrom: input.validFrom, validTo: input.validTo }, pledges);

      const id = uuidv7(now.getTime());
      await tx.query(
        `INSERT INTO household_pledges (id, campaign_id, unit_id, unit_code, path, households, valid_from, valid_to, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [id, campaign.id, unit.unitId, unit.code, unit.path, input.households, input.validFrom, input.validTo, caller.subject, now],
      );
      const sequence = await this.campaigns.nextSequence(tx, campaign.id);
      const data: CampaignPledgeRecordedV1 = {
        campaignId: campaign.id,
        pledgeId: id,
        unitId: unit.unitId,
        unitCode: unit.code,
        path: unit.path,
        households: input.households,
        validFrom: input.validFrom,
        validTo: input.validTo,
      };
      const audit: AuditEntry = { action: 'campaign.record', entityType: 'household-pledge', entityId: id, area: unit.path, before: null, after: data };
      const events = [newEvent({ type: 'campaign', id: campaign.id }, CampaignEventTypes.pledgeRecorded, sequence, unit.path, caller, data, now)];
      return { view: { id, campaignId: campaign.id, unitCode: unit.code, path: unit.path, households: input.households, validFrom: input.validFrom, validTo: input.validTo }, audit, events };
    });
  }
}
