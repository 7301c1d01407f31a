import type { Caller } from '@binh-yen/auth';
import { newEvent, ModelEventTypes, uuidv7, type ModelRegisteredV1 } from '@binh-yen/contracts';
import { normaliseLine } from '@binh-yen/shared-kernel';
import { UnitRuleViolation } from '@binh-yen/units-domain';
import type { EntityManager } from 'typeorm';
import type { UnitRow } from '../shared/unit-row';

/** Inserts a model row and answers its `model.registered` event (shared with replication). */
export async function insertModel(
  tx: EntityManager,
  unit: UnitRow,
  model: { modelType: string; name: string; startedOn: string; description: string; sourceModelId: string | null },
  caller: Caller,
  now: Date,
): Promise<ReturnType<typeof newEvent<ModelRegisteredV1>>> {
  if (unit.status !== 'active') throw new UnitRuleViolation('unitCode', 'not-active', `${unit.code} is ${unit.status}`);
  const types: unknown[] = await tx.query(`SELECT 1 FROM model_types WHERE slug = $1`, [model.modelType]);
  if (types.length === 0) throw new UnitRuleViolation('modelType', 'unknown-model-type', `${model.modelType} is not a model type; see GET /api/v1/model-types`);
  const id = uuidv7(now.getTime());
  const name = normaliseLine(model.name);
  await tx.query(
    `INSERT INTO models (id, unit_id, model_type, name, started_on, description, stage, source_model_id) VALUES ($1, $2, $3, $4, $5, $6, 'registered', $7)`,
    [id, unit.id, model.modelType, name, model.startedOn, model.description.normalize('NFC'), model.sourceModelId],
  );
  return newEvent<ModelRegisteredV1>({ type: 'model', id }, ModelEventTypes.registered, 1, unit.path, caller, {
    modelId: id,
    unitId: unit.id,
    unitCode: unit.code,
    path: unit.path,
    modelType: model.modelType,
    name,
    startedOn: model.startedOn,
    description: model.description.normalize('NFC'),
    sourceModelId: model.sourceModelId,
  }, now);
}
