import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { UnitsRepository } from '../shared/units.repository';
import type { RegisterModelDto } from './dto/models.dto';
import { insertModel } from './insert-model';
import { ModelsRepository, toModelView, type ModelView } from './models.repository';

@Injectable()
export class RegisterModelUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
    private readonly models: ModelsRepository,
  ) {}

  async execute(input: RegisterModelDto, context: CommandContext): Promise<ModelView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'register-model', request: input }, context, async (tx) => {
      const unit = await this.units.requireByCode(tx, input.unitCode);
      assertInArea(caller, unit.path);
      const event = await insertModel(tx, unit, { ...input, sourceModelId: null }, caller, now);
      const audit: AuditEntry = { action: 'model.manage', entityType: 'model', entityId: event.data.modelId, area: unit.path, before: null, after: event.data };
      const events = [event];
      return { view: toModelView(await this.models.require(tx, event.data.modelId)), audit, events };
    });
  }
}
