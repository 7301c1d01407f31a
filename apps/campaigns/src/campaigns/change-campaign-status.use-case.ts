import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import { assertVersion, requireIfMatch } from '@binh-yen/http';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { assertMayDirect, checkTransition } from '@binh-yen/campaigns-domain';
import { newEvent, CampaignEventTypes, type CampaignActivatedV1, type CampaignClosedV1, type EventEnvelope } from '@binh-yen/contracts';
import { stateOf } from './campaign-record';
import { CampaignsRepository } from './campaigns.repository';
import type { ChangeCampaignStatusDto } from './dto/campaign-commands.dto';
import { toCampaignView, type CampaignView } from './dto/campaign-views.dto';
import { normaliseText } from '@binh-yen/shared-kernel';

/** planned → active → closed, by the lead agency or the People's Committee, at the version the caller saw. */
@Injectable()
export class ChangeCampaignStatusUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly campaigns: CampaignsRepository,
  ) {}

  async execute(campaignId: string, input: ChangeCampaignStatusDto, context: CommandContext): Promise<CampaignView> {
    const { caller, now } = context;
    // 428 before anything is looked up, as the controller answered it before.
    const expectedVersion = requireIfMatch(context.expectedVersion);
    return this.pipeline.run({ name: 'change-campaign-status', request: { campaignId, expectedVersion, ...input } }, context, async (tx) => {
      // Unseen outside the area it touches (404); seen but directed from higher up, refused (403).
      const campaign = await this.campaigns.requireVisible(tx, campaignId, caller, true);
      assertInArea(caller, campaign.area);
      assertMayDirect(campaign, caller.agency);
      assertVersion(campaign.version, expectedVersion);
      checkTransition(stateOf(campaign), input.status, input.on, now);

      const sequence = await this.campaigns.nextSequence(tx, campaign.id);
      let event: EventEnvelope;
      if (input.status === 'active') {
        await tx.query(`UPDATE campaigns SET status = 'active', activated_on = $2 WHERE id = $1`, [campaign.id, input.on]);
        event = newEvent<CampaignActivatedV1>({ type: 'campaign', id: campaign.id }, CampaignEventTypes.activated, sequence, campaign.area, caller, { campaignId: campaign.id, activatedOn: input.on }, now);
      } else {
        await tx.query(`UPDATE campaigns SET status = 'closed', closed_on = $2 WHERE id = $1`, [campaign.id, input.on]);
        const data: CampaignClosedV1 = {
          campaignId: campaign.id,
          previousStatus: campaign.status === 'planned' ? 'planned' : 'active',
          closedOn: input.on,
          note: input.note === undefined ? null : normaliseText(input.note),
        };
        event = newEvent({ type: 'campaign', id: campaign.id }, CampaignEventTypes.closed, sequence, campaign.area, caller, data, now);
      }
      await this.campaigns.bumpVersion(tx, campaign.id);
      const audit: AuditEntry = { action: 'campaign.manage', entityType: 'campaign', entityId: campaign.id, area: campaign.area, before: { status: campaign.status }, after: { status: input.status, on: input.on } };
      const events = [event];
      return { view: toCampaignView(await this.campaigns.require(tx, campaign.id)), audit, events };
    });
  }
}
