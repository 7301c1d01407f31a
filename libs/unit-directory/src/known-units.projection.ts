import { Injectable } from '@nestjs/common';
import {
  UnitEventTypes,
  type EventEnvelope,
  type UnitDissolvedV1,
  type UnitMergedV1,
  type UnitMovedV1,
  type UnitRegisteredV1,
  type UnitRenamedV1,
  type UnitSplitV1,
} from '@binh-yen/contracts';
import { ProjectionHandler, type Projection } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';

/**
 * Keeps `known_units` current from the units topic. Events of one unit arrive in
 * order (keyed by unit id); each carries the unit's own path, so no event depends
 * on another unit's having been applied first.
 */
@Injectable()
@ProjectionHandler({
  name: 'known-units',
  version: 1,
  topics: ['unit'],
  eventTypes: [
    UnitEventTypes.registered,
    UnitEventTypes.renamed,
    UnitEventTypes.moved,
    UnitEventTypes.merged,
    UnitEventTypes.split,
    UnitEventTypes.dissolved,
  ],
})
export class KnownUnitsProjection implements Projection {
  async apply(events: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    for (const event of events) await this.applyOne(event, tx);
  }

  private async applyOne(event: EventEnvelope, tx: EntityManager): Promise<void> {
    switch (event.type) {
      case UnitEventTypes.registered: {
        const data = event.data as UnitRegisteredV1;
        await tx.query(
          `INSERT INTO known_units (unit_id, code, name, kind, subkind, parent_id, path, status, effective_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8)
           ON CONFLICT (unit_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind,
             subkind = EXCLUDED.subkind, parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, updated_at = now()`,
          [data.unitId, data.code, data.name, data.kind, data.subkind, data.parentId, data.path, data.effectiveFrom],
        );
        return;
      }
      case UnitEventTypes.renamed: {
        const data = event.data as UnitRenamedV1;
        await tx.query(`UPDATE known_units SET name = $2, path = $3, updated_at = now() WHERE unit_id = $1`, [data.unitId, data.name, data.path]);
        return;
      }
      case UnitEventTypes.moved: {
        const data = event.data as UnitMovedV1;
        await tx.query(`UPDATE known_units SET parent_id = $2, path = $3, updated_at = now() WHERE unit_id = $1`, [data.unitId, data.parentId, data.path]);
        return;
      }
      case UnitEventTypes.merged: {
        const data = event.data as UnitMergedV1;
        await this.retire(tx, data.unitId, 'merged', [data.intoUnitId]);
        return;
      }
      case UnitEventTypes.split: {
        const data = event.data as UnitSplitV1;
        await this.retire(tx, data.unitId, 'split', data.intoUnitIds);
        return;
      }
      case UnitEventTypes.dissolved: {
        const data = event.data as UnitDissolvedV1;
        await this.retire(tx, data.unitId, 'dissolved', []);
        return;
      }
    }
  }

  private async retire(tx: EntityManager, unitId: string, status: string, successors: string[]): Promise<void> {
    await tx.query(`UPDATE known_units SET status = $2, successor_ids = $3::uuid[], updated_at = now() WHERE unit_id = $1`, [unitId, status, successors]);
  }
}
