import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { checkActivity, CampaignRuleViolation } from '@binh-yen/campaigns-domain';
import { newEvent, CampaignEventTypes, uuidv7, type CampaignActivityRecordedV1 } from '@binh-yen/contracts';
import { stateOf } from '../campaigns/campaign-record';
import { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { ActivityView, RecordActivityDto } from './dto/campaign-work.dto';
import { normaliseText } from '@binh-yen/shared-kernel';
import { UnitResolver } from '@binh-yen/unit-directory';

/** An activity held in a unit of the campaign, within its period, by one of its agencies. */
@Injectable()
export class RecordActivityUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly campaigns: CampaignsRepository,
    private readonly units: UnitResolver,
  ) {}

  async execute(campaignId: string, input: RecordActivityDto, context: CommandContext): Promise<ActivityView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'record-activity', request: { campaignId, ...input } }, context, async (tx) => {
      // Locked: the event sequence of the campaign is handed out one at a time.
      const campaign = await this.campaigns.requireVisible(tx, campaignId, caller, true);
      const unit = await this.units.activeUnit(tx, input.unitCode, 'unitCode');
      assertInArea(caller, unit.path, unit.code);
      if (caller.agency !== input.organisingAgency && caller.agency !== campaign.leadAgency) {
        throw new CampaignRuleViolation('organisingAgency', 'not-organiser', `you (${caller.agency}) record your own agency's activities; the lead (${campaign.leadAgency}) records anyone's`, 403);
      }
      const byGroup = Object.fromEntries(Object.entries(input.participants.byGroup).filter(([, count]) => count !== undefined)) as Record<string, number>;
      const participants = { total: input.participants.total, byGroup };
      checkActivity(stateOf(campaign), { kind: input.kind, heldOn: input.heldOn, unitPath: unit.path, organisingAgency: input.organisingAgency, participants }, now);

      const id = uuidv7(now.getTime());
      const notes = normaliseText(input.notes);
      await tx.query(
        `INSERT INTO campaign_activities (id, campaign_id, kind, held_on, unit_id, unit_code, path, organising_agency, participants_total, participants_by_group, notes, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13)`,
        [id, campaign.id, input.kind, input.heldOn, unit.unitId, unit.code, unit.path, input.organisingAgency, participants.total, JSON.stringify(byGroup), notes, caller.subject, now],
      );
      const sequence = await this.campaigns.nextSequence(tx, campaign.id);
      const data: CampaignActivityRecordedV1 = {
        campaignId: campaign.id,
        activityId: id,
        kind: input.kind,
        heldOn: input.heldOn,
        unitId: unit.unitId,
        unitCode: unit.code,
        path: unit.path,
        organisingAgency: input.organisingAgency,
        participants,
        notes,
      };
      const audit: AuditEntry = { action: 'campaign.record', entityType: 'campaign-activity', entityId: id, area: unit.path, before: null, after: data };
      // The unit's path, not the campaign's: reports count the activity where it was held.
      const events = [newEvent({ type: 'campaign', id: campaign.id }, CampaignEventTypes.activityRecorded, sequence, unit.path, caller, data, now)];
      return { view: { id, campaignId: campaign.id, kind: input.kind, heldOn: input.heldOn, unitCode: unit.code, path: unit.path, organisingAgency: input.organisingAgency, participants, notes }, audit, events };
    });
  }
}
