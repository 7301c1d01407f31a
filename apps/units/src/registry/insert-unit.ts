import type { Caller } from '@binh-yen/auth';
import { UnitEventTypes, uuidv7, type UnitRegisteredV1 } from '@binh-yen/contracts';
import { ProblemException, problemType } from '@binh-yen/http';
import { foldForSearch } from '@binh-yen/shared-kernel';
import type { EntityManager } from 'typeorm';
import { unitEvent } from '../shared/unit-events';
import type { RegisterUnitDto } from './dto/register-unit.dto';

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
