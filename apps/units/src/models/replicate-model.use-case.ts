import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { newEvent, ModelEventTypes, type ModelReplicatedV1 } from '@binh-yen/contracts';
import { checkReplication } from '@binh-yen/units-domain';
import { UnitsRepository } from '../shared/units.repository';
import type { ReplicateModelDto } from './dto/models.dto';
import { ModelsRepository, toModelView, type ModelView } from './models.repository';
import { insertModel } from './insert-model';

/** nhân rộng mô hình tiên tiến: the new model in the target unit links to its source. */
@Injectable()
export class ReplicateModelUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
    private readonly models: ModelsRepository,
  ) {}

  async execute(modelId: string, input: ReplicateModelDto, context: CommandContext): Promise<ModelView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'replicate-model', request: { modelId, ...input } }, context, async (tx) => {
      // The target first: a caller learns nothing of a model (recognised models are replicated from anywhere) unless it may act there.
      const target = await this.units.requireByCode(tx, input.targetUnitCode);
      assertInArea(caller, target.path);
      const source = await this.models.require(tx, modelId, true);
      checkReplication(await this.models.state(tx, source), target.id);
      const registered = await insertModel(
        tx,
        target,
        { modelType: source.model_type, name: source.name, startedOn: input.replicatedOn, description: source.description, sourceModelId: source.id },
        caller,
        now,
      );
      const sequence = await this.models.touch(tx, source.id);
      const replicated = newEvent<ModelReplicatedV1>({ type: 'model', id: source.id }, ModelEventTypes.replicated, sequence, source.path, caller, {
        modelId: source.id,
        unitId: source.unit_id,
        path: source.path,
        newModelId: registered.data.modelId,
        targetUnitId: target.id,
        targetUnitCode: target.code,
        targetPath: target.path,
        replicatedOn: input.replicatedOn,
      }, now);
      const audit: AuditEntry = { action: 'model.manage', entityType: 'model', entityId: source.id, area: target.path, before: null, after: { replicatedAs: registered.data.modelId, into: target.code } };
      const events = [registered, replicated];
      return { view: toModelView(await this.models.require(tx, registered.data.modelId)), audit, events };
    });
  }
}
