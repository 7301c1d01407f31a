import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { CampaignRuleViolation, checkCommendation } from '@binh-yen/campaigns-domain';
import { newEvent, RecognitionEventTypes, uuidv7, type CommendationAwardedV1 } from '@binh-yen/contracts';
import { notFound } from '@binh-yen/http';
import type { EntityManager } from 'typeorm';
import { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { AwardCommendationDto } from './dto/award-commendation.dto';
import type { CommendationView } from './dto/recognition-views.dto';
import { RecognitionQueries } from './recognition.queries';
import { normaliseText } from '@binh-yen/shared-kernel';
import { UnitResolver } from '@binh-yen/unit-directory';

/** Khen thưởng: a person, collective or unit commended at the awarding area's level or below. */
@Injectable()
export class AwardCommendationUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitResolver,
    private readonly campaigns: CampaignsRepository,
    private readonly queries: RecognitionQueries,
  ) {}

  async execute(input: AwardCommendationDto, context: CommandContext): Promise<CommendationView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'award-commendation', request: input }, context, async (tx) => {
      const unit = await this.units.activeUnit(tx, input.recipient.unitCode, 'recipient.unitCode');
      assertInArea(caller, unit.path, unit.code);
      const issuerArea = await this.units.areaUnit(tx, caller.area);
      const recipient = { kind: input.recipient.kind, name: input.recipient.name === undefined ? null : normaliseText(input.recipient.name) };
      checkCommendation({ level: input.level, recipient, awardedOn: input.awardedOn }, issuerArea?.kind ?? 'unknown', now);
      await this.requireLinks(tx, input);

      const id = uuidv7(now.getTime());
      const data: CommendationAwardedV1 = {
        commendationId: id,
        recipient,
        unitId: unit.unitId,
        unitCode: unit.code,
        path: unit.path,
        level: input.level,
        reason: normaliseText(input.reason),
        awardedOn: input.awardedOn,
        awardingAgency: caller.agency,
        campaignId: input.campaignId ?? null,
        modelId: input.modelId ?? null,
        storyId: input.storyId ?? null,
      };
      await tx.query(
        `INSERT INTO commendations (id, recipient_kind, recipient_name, unit_id, unit_code, path, level, reason, awarded_on, awarding_agency, campaign_id, model_id, story_id, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [id, recipient.kind, recipient.name, unit.unitId, unit.code, unit.path, data.level, data.reason, data.awardedOn, data.awardingAgency, data.campaignId, data.modelId, data.storyId, caller.subject, now],
      );
      const audit: AuditEntry = { action: 'commendation.award', entityType: 'commendation', entityId: id, area: unit.path, before: null, after: data };
      const events = [newEvent({ type: 'recognition', id }, RecognitionEventTypes.commendationAwarded, 1, unit.path, caller, data, now)];
      const commendation = await this.queries.commendation(id, tx);
      if (!commendation) throw notFound('commendation', `No commendation has the id ${id}.`);
      return { view: commendation, audit, events };
    });
  }

  /** A linked campaign or story must exist here; a model lives in the units service and is kept by id. */
  private async requireLinks(tx: EntityManager, input: AwardCommendationDto): Promise<void> {
    if (input.campaignId !== undefined && !(await this.campaigns.find(tx, input.campaignId))) {
      throw new CampaignRuleViolation('campaignId', 'unknown-campaign', `no campaign has the id ${input.campaignId}`);
    }
    if (input.storyId !== undefined && !(await this.queries.story(input.storyId, tx))) {
      throw new CampaignRuleViolation('storyId', 'unknown-story', `no media story has the id ${input.storyId}`);
    }
  }
}
