import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import { assertVersion, requireIfMatch } from '@binh-yen/http';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { assertMayDirect, CampaignRuleViolation, checkAgreementLink } from '@binh-yen/campaigns-domain';
import { newEvent, CampaignEventTypes, type CampaignAgreementLinkedV1 } from '@binh-yen/contracts';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { stateOf } from './campaign-record';
import { CampaignsRepository } from './campaigns.repository';
import type { LinkAgreementDto } from './dto/campaign-commands.dto';
import { toCampaignView, type CampaignView } from './dto/campaign-views.dto';

/** A campaign takes on a joint coordination agreement it implements. */
@Injectable()
export class LinkAgreementUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly campaigns: CampaignsRepository,
    private readonly agreements: AgreementsRepository,
  ) {}

  async execute(campaignId: string, input: LinkAgreementDto, context: CommandContext): Promise<CampaignView> {
    const { caller, now } = context;
    // 428 before anything is looked up, as the controller answered it before.
    const expectedVersion = requireIfMatch(context.expectedVersion);
    return this.pipeline.run({ name: 'link-agreement', request: { campaignId, expectedVersion, ...input } }, context, async (tx) => {
      // Unseen outside the area it touches (404); seen but directed from higher up, refused (403).
      const campaign = await this.campaigns.requireVisible(tx, campaignId, caller, true);
      assertInArea(caller, campaign.area);
      assertMayDirect(campaign, caller.agency);
      assertVersion(campaign.version, expectedVersion);
      const agreement = await this.agreements.find(tx, input.agreementId);
      if (!agreement) throw new CampaignRuleViolation('agreementId', 'unknown-agreement', `no agreement has the id ${input.agreementId}`);
      checkAgreementLink(stateOf(campaign), agreement, campaign.agreementIds.includes(agreement.id));

      await tx.query(`INSERT INTO campaign_agreements (campaign_id, agreement_id) VALUES ($1, $2)`, [campaign.id, agreement.id]);
      const sequence = await this.campaigns.nextSequence(tx, campaign.id);
      await this.campaigns.bumpVersion(tx, campaign.id);
      const audit: AuditEntry = { action: 'campaign.manage', entityType: 'campaign', entityId: campaign.id, area: campaign.area, before: { agreementIds: campaign.agreementIds }, after: { linked: agreement.id } };
      const events = [
        newEvent<CampaignAgreementLinkedV1>({ type: 'campaign', id: campaign.id }, CampaignEventTypes.agreementLinked, sequence, campaign.area, caller, { campaignId: campaign.id, agreementId: agreement.id }, now),
      ];
      return { view: toCampaignView(await this.campaigns.require(tx, campaign.id)), audit, events };
    });
  }
}
