import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea, type Caller } from '@binh-yen/auth';
import { UnitEventTypes, uuidv7, type UnitRegisteredV1 } from '@binh-yen/contracts';
import { ProblemException, problemType } from '@binh-yen/http';
import { checkKindAndSubkind, checkParent, childPath } from '@binh-yen/units-domain';
import type { EntityManager } from 'typeorm';
import { unitEvent } from '../shared/unit-events';
import { toNode, toView, type UnitView } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import type { RegisterUnitDto } from './dto/register-unit.dto';
import { foldForSearch, normaliseLine } from '@binh-yen/shared-kernel';

export interface NewUnit {
  code: string;
  name: string;
  kind: RegisterUnitDto['kind'];
  subkind: string;
  parentId: string | null;
  path: string;
  effectiveFrom: string;
  predecessorIds: string[];
}

/** Inserts a unit row and answers its `unit.registered` event (shared with split and import). */
export async function insertUnit(tx: EntityManager, unit: NewUnit, caller: Caller, now: Date): Promise<ReturnType<typeof unitEvent<UnitRegisteredV1>>> {
  const id = uuidv7(now.getTime());
  const taken: unknown[] = await tx.query(`SELECT 1 FROM units WHERE code = $1`, [unit.code]);
  if (taken.length > 0) {
    throw new ProblemException({
      type: problemType('unit-code-taken'),
      title: 'Mã đơn vị đã tồn tại (Unit code taken)',
      status: 409,
      detail: `A unit with the code ${unit.code} already exists; codes are unique.`,
      errors: [{ field: 'code', message: 'already used by another unit' }],
    });
  }
  await tx.query(
    `INSERT INTO units (id, code, name, name_search, kind, subkind, parent_id, path, effective_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, unit.code, unit.name, foldForSearch(unit.name), unit.kind, unit.subkind, unit.parentId, unit.path, unit.effectiveFrom],
  );
  return unitEvent<UnitRegisteredV1>(id, UnitEventTypes.registered, 1, unit.path, caller, { unitId: id, ...unit }, now);
}

@Injectable()
export class RegisterUnitUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
  ) {}

  async execute(input: RegisterUnitDto, context: CommandContext): Promise<UnitView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'register-unit', request: input }, context, async (tx) => {
      checkKindAndSubkind(input.kind, input.subkind);
      const parent = input.parentCode ? await this.units.requireByCode(tx, input.parentCode, true) : null;
      checkParent(input.kind, parent ? toNode(parent) : null);
      const path = childPath(parent ? toNode(parent) : null, input.code);
      assertInArea(caller, path);
      const event = await insertUnit(
        tx,
        { code: input.code, name: normaliseLine(input.name), kind: input.kind, subkind: input.subkind, parentId: parent?.id ?? null, path, effectiveFrom: input.effectiveFrom, predecessorIds: [] },
        caller,
        now,
      );
      const audit: AuditEntry = { action: 'unit.register', entityType: 'unit', entityId: event.data.unitId, area: path, before: null, after: event.data };
      const events = [event];
      return { view: toView(await this.units.requireById(tx, event.data.unitId)), audit, events };
    });
  }
}
