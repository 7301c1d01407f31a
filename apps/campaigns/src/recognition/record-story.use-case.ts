import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { assertInScope, CampaignRuleViolation, checkStory } from '@binh-yen/campaigns-domain';
import { newEvent, RecognitionEventTypes, uuidv7, type StoryPublishedV1 } from '@binh-yen/contracts';
import { notFound } from '@binh-yen/http';
import { stateOf } from '../campaigns/campaign-record';
import { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { RecordStoryDto } from './dto/record-story.dto';
import type { StoryView } from './dto/recognition-views.dto';
import { RecognitionQueries } from './recognition.queries';
import { normaliseText } from '@binh-yen/shared-kernel';
import { UnitResolver } from '@binh-yen/unit-directory';

/** Clause 6: the press records the stories it ran of good people, good deeds and advanced models. */
@Injectable()
export class RecordStoryUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitResolver,
    private readonly campaigns: CampaignsRepository,
    private readonly queries: RecognitionQueries,
  ) {}

  async execute(input: RecordStoryDto, context: CommandContext): Promise<StoryView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'record-story', request: input }, context, async (tx) => {
      const unit = await this.units.activeUnit(tx, input.unitCode, 'unitCode');
      assertInArea(caller, unit.path, unit.code);
      const about = { kind: input.about.kind, name: input.about.name === undefined ? null : normaliseText(input.about.name), modelId: input.about.modelId ?? null };
      checkStory({ publishedOn: input.publishedOn, about }, now);
      if (input.campaignId !== undefined) {
        const campaign = await this.campaigns.find(tx, input.campaignId);
        if (!campaign) throw new CampaignRuleViolation('campaignId', 'unknown-campaign', `no campaign has the id ${input.campaignId}`);
        assertInScope(stateOf(campaign), unit.path, 'unitCode');
      }

      const id = uuidv7(now.getTime());
      const data: StoryPublishedV1 = {
        storyId: id,
        outlet: { name: normaliseText(input.outlet.name), kind: input.outlet.kind },
        publishedOn: input.publishedOn,
        title: normaliseText(input.title),
        link: input.link ?? null,
        about,
        unitId: unit.unitId,
        unitCode: unit.code,
        path: unit.path,
        campaignId: input.campaignId ?? null,
      };
      await tx.query(
        `INSERT INTO media_stories (id, outlet_name, outlet_kind, published_on, title, link, about_kind, about_name, model_id, unit_id, unit_code, path, campaign_id, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [id, data.outlet.name, data.outlet.kind, data.publishedOn, data.title, data.link, about.kind, about.name, about.modelId, unit.unitId, unit.code, unit.path, data.campaignId, caller.subject, now],
      );
      const audit: AuditEntry = { action: 'story.record', entityType: 'media-story', entityId: id, area: unit.path, before: null, after: data };
      const events = [newEvent({ type: 'recognition', id }, RecognitionEventTypes.storyPublished, 1, unit.path, caller, data, now)];
      const story = await this.queries.story(id, tx);
      if (!story) throw notFound('story', `No media story has the id ${id}.`);
      return { view: story, audit, events };
    });
  }
}
