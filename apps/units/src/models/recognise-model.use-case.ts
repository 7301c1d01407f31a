import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { newEvent, ModelEventTypes, type ModelRecognisedAdvancedV1 } from '@binh-yen/contracts';
import { checkRecognition } from '@binh-yen/units-domain';
import type { RecogniseModelDto } from './dto/models.dto';
import { ModelsRepository, toModelView, type ModelView } from './models.repository';

@Injectable()
export class RecogniseModelUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly models: ModelsRepository,
  ) {}

  async execute(modelId: string, input: RecogniseModelDto, context: CommandContext): Promise<ModelView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'recognise-model', request: { modelId, ...input } }, context, async (tx) => {
      const model = await this.models.requireInArea(tx, modelId, caller, true);
      checkRecognition(await this.models.state(tx, model));
      await tx.query(`UPDATE models SET stage = 'advanced' WHERE id = $1`, [model.id]);
      const sequence = await this.models.touch(tx, model.id);
      const audit: AuditEntry = { action: 'model.manage', entityType: 'model', entityId: model.id, area: model.path, before: { stage: model.stage }, after: { stage: 'advanced' } };
      const events = [
        newEvent<ModelRecognisedAdvancedV1>({ type: 'model', id: model.id }, ModelEventTypes.recognisedAdvanced, sequence, model.path, caller, {
          modelId: model.id,
          unitId: model.unit_id,
          path: model.path,
          recognisedOn: input.recognisedOn,
        }, now),
      ];
      return { view: toModelView(await this.models.require(tx, model.id)), audit, events };
    });
  }
}
