import { Injectable } from '@nestjs/common';
import type { Caller } from '@binh-yen/auth';
import { UnitEventTypes, type EventEnvelope, type UnitMovedV1 } from '@binh-yen/contracts';
import { rebase } from '@binh-yen/units-domain';
import type { EntityManager } from 'typeorm';
import { unitEvent } from '../shared/unit-events';
import type { UnitRow } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';

/**
 * Moves a unit under a new parent with its whole subtree. Every unit whose path
 * changes gets its own `unit.moved`, so replicas never depend on event order
 * across units.
 */
@Injectable()
export class SubtreeMover {
  constructor(private readonly units: UnitsRepository) {}

  async move(
    tx: EntityManager,
    unit: UnitRow,
    newParent: UnitRow | null,
    effectiveFrom: string,
    caller: Caller,
    now: Date,
    becauseOf: string | null = null,
  ): Promise<EventEnvelope<UnitMovedV1>[]> {
    const newPath = newParent ? `${newParent.path}.${unit.code}` : unit.code;
    const descendants = await this.units.lockDescendants(tx, unit.path);
    const events: EventEnvelope<UnitMovedV1>[] = [];
    const moved = [{ row: unit, parentId: newParent?.id ?? null, path: newPath, cause: becauseOf }];
    for (const row of descendants) moved.push({ row, parentId: row.parent_id, path: rebase(row.path, unit.path, newPath), cause: becauseOf ?? unit.id });
    for (const { row, parentId, path, cause } of moved) {
      await tx.query(`UPDATE units SET parent_id = $2, path = $3 WHERE id = $1`, [row.id, parentId, path]);
      const sequence = await this.units.touch(tx, row.id);
      events.push(
        unitEvent(row.id, UnitEventTypes.moved, sequence, path, caller, {
          unitId: row.id,
          code: row.code,
          parentId,
          path,
          previousPath: row.path,
          effectiveFrom,
          becauseOf: cause,
        }, now),
      );
    }
    return events;
  }
}
