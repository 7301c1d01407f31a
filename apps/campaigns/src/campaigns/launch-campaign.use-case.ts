import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { assertMayLaunch, campaignArea, CampaignRuleViolation, checkAgreementLink, checkPlan } from '@binh-yen/campaigns-domain';
import { newEvent, CampaignEventTypes, uuidv7, type CampaignLaunchedV1 } from '@binh-yen/contracts';
import type { EntityManager } from 'typeorm';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { CampaignsRepository } from './campaigns.repository';
import { toCampaignView, type CampaignView } from './dto/campaign-views.dto';
import type { LaunchCampaignDto } from './dto/launch-campaign.dto';
import { normaliseText } from '@binh-yen/shared-kernel';
import { UnitResolver } from '@binh-yen/unit-directory';

/** Phát động: a campaign enters the register as planned, with the agreements it implements. */
@Injectable()
export class LaunchCampaignUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitResolver,
    private readonly campaigns: CampaignsRepository,
    private readonly agreements: AgreementsRepository,
  ) {}

  async execute(input: LaunchCampaignDto, context: CommandContext): Promise<CampaignView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'launch-campaign', request: input }, context, async (tx) => {
      assertMayLaunch(input, caller.agency);
      await this.requireKind(tx, input.kind);
      const scope = await this.units.activeUnits(tx, input.scopeUnitCodes, 'scopeUnitCodes');
      for (const unit of scope) assertInArea(caller, unit.path, unit.code);
      const scopePaths = scope.map((unit) => unit.path);
      const plan = { ...input, scopePaths };
      checkPlan(plan);
      const agreementIds = input.agreementIds ?? [];
      for (const [index, agreementId] of agreementIds.entries()) {
        const agreement = await this.agreements.find(tx, agreementId);
        if (!agreement) throw new CampaignRuleViolation(`agreementIds[${index}]`, 'unknown-agreement', `no agreement has the id ${agreementId}`);
        checkAgreementLink({ ...plan, status: 'planned', reviews: [] }, agreement, false, `agreementIds[${index}]`);
      }

      const id = uuidv7(now.getTime());
      const area = campaignArea(scopePaths);
      const name = normaliseText(input.name);
      await tx.query(
        `INSERT INTO campaigns (id, name, kind, lead_agency, partner_agencies, starts_on, ends_on, status, area, launched_by, launched_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'planned', $8, $9, $10)`,
        [id, name, input.kind, input.leadAgency, input.partnerAgencies, input.startsOn, input.endsOn, area, caller.subject, now],
      );
      await tx.query(
        `INSERT INTO campaign_scope_units (campaign_id, unit_id, unit_code, path) SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[])`,
        [id, scope.map((unit) => unit.unitId), scope.map((unit) => unit.code), scopePaths],
      );
      await tx.query(
        `INSERT INTO campaign_goals (campaign_id, position, measure, target) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[])`,
        [id, input.goals.map((_goal, index) => index), input.goals.map((goal) => goal.measure), input.goals.map((goal) => goal.target)],
      );
      await tx.query(`INSERT INTO campaign_agreements (campaign_id, agreement_id) SELECT $1, unnest($2::uuid[])`, [id, agreementIds]);

      const data: CampaignLaunchedV1 = {
        campaignId: id,
        name,
        kind: input.kind,
        leadAgency: input.leadAgency,
        partnerAgencies: input.partnerAgencies,
        scope: scope.map((unit) => ({ unitId: unit.unitId, code: unit.code, path: unit.path })),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        goals: input.goals.map((goal) => ({ measure: goal.measure, target: goal.target })),
        agreementIds,
        status: 'planned',
      };
      const audit: AuditEntry = { action: 'campaign.manage', entityType: 'campaign', entityId: id, area, before: null, after: data };
      const events = [newEvent({ type: 'campaign', id }, CampaignEventTypes.launched, 1, area, caller, data, now)];
      return { view: toCampaignView(await this.campaigns.require(tx, id)), audit, events };
    });
  }

  private async requireKind(tx: EntityManager, kind: string): Promise<void> {
    const kinds: unknown[] = await tx.query(`SELECT 1 FROM campaign_kinds WHERE slug = $1`, [kind]);
    if (kinds.length === 0) throw new CampaignRuleViolation('kind', 'unknown-kind', `${kind} is not a campaign kind; see GET /api/v1/campaign-kinds`);
  }
}
