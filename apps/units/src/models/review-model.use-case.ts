import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { newEvent, ModelEventTypes, uuidv7, type ModelReviewedV1 } from '@binh-yen/contracts';
import { checkReview } from '@binh-yen/units-domain';
import type { ReviewModelDto } from './dto/models.dto';
import { ModelsRepository, toModelView, type ModelView } from './models.repository';

/** Interim (sơ kết) and final (tổng kết) reviews draw the lessons of a model. */
@Injectable()
export class ReviewModelUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly models: ModelsRepository,
  ) {}

  async execute(modelId: string, input: ReviewModelDto, context: CommandContext): Promise<ModelView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'review-model', request: { modelId, ...input } }, context, async (tx) => {
      const model = await this.models.requireInArea(tx, modelId, caller, true);
      checkReview(await this.models.state(tx, model), input.kind);
      const lessons = input.lessons.normalize('NFC');
      await tx.query(`INSERT INTO model_reviews (id, model_id, kind, reviewed_on, outcome, lessons, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        uuidv7(now.getTime()),
        model.id,
        input.kind,
        input.reviewedOn,
        input.outcome,
        lessons,
        caller.subject,
      ]);
      if (model.stage === 'registered') await tx.query(`UPDATE models SET stage = 'reviewed' WHERE id = $1`, [model.id]);
      const sequence = await this.models.touch(tx, model.id);
      const audit: AuditEntry = { action: 'model.manage', entityType: 'model', entityId: model.id, area: model.path, before: { stage: model.stage }, after: { review: input.kind, outcome: input.outcome } };
      const events = [
        newEvent<ModelReviewedV1>({ type: 'model', id: model.id }, ModelEventTypes.reviewed, sequence, model.path, caller, {
          modelId: model.id,
          unitId: model.unit_id,
          path: model.path,
          kind: input.kind,
          reviewedOn: input.reviewedOn,
          outcome: input.outcome,
          lessons,
        }, now),
      ];
      return { view: toModelView(await this.models.require(tx, model.id)), audit, events };
    });
  }
}
