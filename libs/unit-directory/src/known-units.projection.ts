import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Topics, UnitEventTypes, type UnitEvent } from '@binh-yen/contracts';
import { EventDispatch, IGNORED, ProjectionContext } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';

/** What each unit event does to the replica; the unit's movement record is not kept here. */
const replicate = new EventDispatch<UnitEvent, [EntityManager]>({
  [UnitEventTypes.registered]: ({ data }, tx) =>
    tx.query(
      `INSERT INTO known_units (unit_id, code, name, kind, subkind, parent_id, path, status, effective_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8)
       ON CONFLICT (unit_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind,
         subkind = EXCLUDED.subkind, parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, updated_at = now()`,
      [data.unitId, data.code, data.name, data.kind, data.subkind, data.parentId, data.path, data.effectiveFrom],
    ),
  [UnitEventTypes.renamed]: ({ data }, tx) => tx.query(`UPDATE known_units SET name = $2, path = $3, updated_at = now() WHERE unit_id = $1`, [data.unitId, data.name, data.path]),
  [UnitEventTypes.moved]: ({ data }, tx) => tx.query(`UPDATE known_units SET parent_id = $2, path = $3, updated_at = now() WHERE unit_id = $1`, [data.unitId, data.parentId, data.path]),
  [UnitEventTypes.merged]: ({ data }, tx) => retire(tx, data.unitId, 'merged', [data.intoUnitId]),
  [UnitEventTypes.split]: ({ data }, tx) => retire(tx, data.unitId, 'split', data.intoUnitIds),
  [UnitEventTypes.dissolved]: ({ data }, tx) => retire(tx, data.unitId, 'dissolved', []),
  [UnitEventTypes.rated]: IGNORED,
  [UnitEventTypes.certified]: IGNORED,
  [UnitEventTypes.certificationRevoked]: IGNORED,
  [UnitEventTypes.hotspotDesignated]: IGNORED,
  [UnitEventTypes.pilotDesignated]: IGNORED,
  [UnitEventTypes.forceRegistered]: IGNORED,
  [UnitEventTypes.trainingRecorded]: IGNORED,
});

function retire(tx: EntityManager, unitId: string, status: string, successors: readonly string[]): Promise<unknown> {
  return tx.query(`UPDATE known_units SET status = $2, successor_ids = $3::uuid[], updated_at = now() WHERE unit_id = $1`, [unitId, status, successors]);
}

/**
 * Keeps `known_units` current from the units topic. Events of one unit arrive in
 * order (keyed by unit id); each carries the unit's own path, so no event depends
 * on another unit's having been applied first.
 */
@Controller()
export class KnownUnitsProjection {
  @EventPattern(Topics.unit, { projection: 'known-units', version: 1, eventTypes: replicate.eventTypes })
  async apply(@Payload() events: readonly UnitEvent[], @Ctx() { manager }: ProjectionContext): Promise<void> {
    for (const event of events) await replicate.apply(event, manager);
  }
}
