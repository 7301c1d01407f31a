import { Injectable } from '@nestjs/common';
import { IncidentRuleViolation } from '@binh-yen/incidents-domain';
import { UnitDirectory, type KnownUnit } from '@binh-yen/unit-directory';
import type { EntityManager } from 'typeorm';

/**
 * Turns a unit code of a request into a unit of the local replica (fed by the
 * units events; this service never calls the units service). An unknown code,
 * or a unit merged, split or dissolved, is refused naming the field.
 */
@Injectable()
export class UnitResolver {
  constructor(private readonly directory: UnitDirectory) {}

  async activeUnit(tx: EntityManager, code: string, field: string): Promise<KnownUnit> {
    const unit = await this.directory.findByCode(code, tx);
    if (!unit) {
      throw new IncidentRuleViolation(field, 'unknown-unit', `no unit has the code ${code} (không có đơn vị mã ${code}); units come from the units service and may take a moment to arrive.`);
    }
    if (unit.status !== 'active') {
      const successors = unit.successorIds.length > 0 ? await this.codesOf(tx, unit.successorIds) : [];
      throw new IncidentRuleViolation(
        field,
        'unit-not-active',
        `${code} (${unit.name}) is ${unit.status} (đơn vị đã ${unit.status === 'dissolved' ? 'giải thể' : unit.status === 'merged' ? 'sáp nhập' : 'chia tách'})${successors.length > 0 ? `; use ${successors.join(' or ')}` : ''}.`,
      );
    }
    return unit;
  }

  /** The unit an incident belongs to now (its path follows renames and moves). */
  async current(tx: Pick<EntityManager, 'query'>, unitId: string): Promise<KnownUnit | null> {
    return this.directory.findById(unitId, tx);
  }

  private async codesOf(tx: EntityManager, unitIds: string[]): Promise<string[]> {
    const rows: { code: string }[] = await tx.query(`SELECT code FROM known_units WHERE unit_id = ANY($1::uuid[]) ORDER BY code`, [unitIds]);
    return rows.map((row) => row.code);
  }
}
