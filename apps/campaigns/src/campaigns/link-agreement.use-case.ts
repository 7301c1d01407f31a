import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@binh-yen/audit';
import { assertInArea, type Caller } from '@binh-yen/auth';
import { assertMayDirect, CampaignRuleViolation, checkAgreementLink } from '@binh-yen/campaigns-domain';
import { CampaignEventTypes, type CampaignAgreementLinkedV1 } from '@binh-yen/contracts';
import { fingerprintOf, IdempotencyService } from '@binh-yen/idempotency';
import { OutboxWriter } from '@binh-yen/messaging';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { envelope } from '../shared/events';
import { assertVersion } from '../shared/if-match';
import { stateOf } from './campaign-record';
import { CampaignsRepository } from './campaigns.repository';
import type { LinkAgreementDto } from './dto/campaign-commands.dto';
import { toCampaignView, type CampaignView } from './dto/campaign-views.dto';

/** A campaign takes on a joint coordination agreement it implements. */
@Injectable()
export class LinkAgreementUseCase {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly campaigns: CampaignsRepository,
    private readonly agreements: AgreementsRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async execute(campaignId: string, input: LinkAgreementDto, caller: Caller, expectedVersion: number, idempotencyKey?: string, now = new Date()): Promise<CampaignView> {
    const request = fingerprintOf({ campaignId, expectedVersion, ...input });
    const { result } = await this.idempotency.run(idempotencyKey, { command: 'link-agreement', caller }, request, async (tx) => {
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
      await this.audit.record(tx, caller, { action: 'campaign.manage', entityType: 'campaign', entityId: campaign.id, area: campaign.area, before: { agreementIds: campaign.agreementIds }, after: { linked: agreement.id } }, now);
      await this.outbox.append(tx, [
        envelope<CampaignAgreementLinkedV1>({ type: 'campaign', id: campaign.id }, CampaignEventTypes.agreementLinked, sequence, campaign.area, caller, { campaignId: campaign.id, agreementId: agreement.id }, now),
      ]);
      return toCampaignView(await this.campaigns.require(tx, campaign.id));
    });
    return result;
  }
}
