import { HttpStatus } from '@nestjs/common';
import { ProblemException, problemType } from '@binh-yen/http';
import type { KnownUnit, UnitResolver } from '@binh-yen/unit-directory';
import type { EntityManager } from 'typeorm';
import type { IncidentRow } from './incident-row';

/**
 * The unit an incident belongs to, from the replica (its path follows renames
 * and moves). Incidents of the skeleton have no unit id; they are matched by code.
 */
export async function currentUnitOf(tx: EntityManager, units: UnitResolver, row: IncidentRow): Promise<KnownUnit> {
  let unitId = row.unit_id;
  if (!unitId) {
    const byCode: { unit_id: string }[] = await tx.query(`SELECT unit_id FROM known_units WHERE code = $1`, [row.unit_code]);
    unitId = byCode[0]?.unit_id ?? null;
  }
  const unit = unitId ? await units.current(tx, unitId) : null;
  if (!unit) {
    throw new ProblemException({
      type: problemType('incident-unit-unknown'),
      title: 'Không xác định được đơn vị (Unit unknown)',
      status: HttpStatus.CONFLICT,
      detail: `The unit ${row.unit_code} of this incident is not in this service's replica of units yet; try again when the units events have arrived.`,
    });
  }
  if (!row.unit_id) await tx.query(`UPDATE incidents SET unit_id = $2 WHERE id = $1`, [row.id, unit.unitId]);
  return unit;
}
