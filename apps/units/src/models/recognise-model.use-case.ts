import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@binh-yen/audit';
import type { Caller } from '@binh-yen/auth';
import { ModelEventTypes, type ModelRecognisedAdvancedV1 } from '@binh-yen/contracts';
import { fingerprintOf, IdempotencyService } from '@binh-yen/idempotency';
import { OutboxWriter } from '@binh-yen/messaging';
import { checkRecognition } from '@binh-yen/units-domain';
import { aggregateEvent } from '../shared/unit-events';
import type { RecogniseModelDto } from './dto/models.dto';
import { ModelsRepository, toModelView, type ModelView } from './models.repository';

@Injectable()
export class RecogniseModelUseCase {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly models: ModelsRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async execute(modelId: string, input: RecogniseModelDto, caller: Caller, idempotencyKey?: string, now = new Date()): Promise<ModelView> {
    const { result } = await this.idempotency.run(idempotencyKey, { command: 'recognise-model', caller }, fingerprintOf({ modelId, ...input }), async (tx) => {
      const model = await this.models.requireInArea(tx, modelId, caller, true);
      checkRecognition(await this.models.state(tx, model));
      await tx.query(`UPDATE models SET stage = 'advanced' WHERE id = $1`, [model.id]);
      const sequence = await this.models.touch(tx, model.id);
      await this.audit.record(tx, caller, { action: 'model.manage', entityType: 'model', entityId: model.id, area: model.path, before: { stage: model.stage }, after: { stage: 'advanced' } }, now);
      await this.outbox.append(tx, [
        aggregateEvent<ModelRecognisedAdvancedV1>({ type: 'model', id: model.id }, ModelEventTypes.recognisedAdvanced, sequence, model.path, caller, {
          modelId: model.id,
          unitId: model.unit_id,
          path: model.path,
          recognisedOn: input.recognisedOn,
        }, now),
      ]);
      return toModelView(await this.models.require(tx, model.id));
    });
    return result;
  }
}
