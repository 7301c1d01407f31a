import { Injectable } from '@nestjs/common';
import { CampaignRuleViolation, codeOfPath } from '@binh-yen/campaigns-domain';
import { UnitDirectory, type KnownUnit } from '@binh-yen/unit-directory';
import type { EntityManager } from 'typeorm';

/**
 * Turns unit codes from a request into units of the local replica. A code the
 * replica does not know, or a unit merged, split or dissolved, is refused with
 * the field that named it.
 */
@Injectable()
export class UnitResolver {
  constructor(private readonly directory: UnitDirectory) {}

  async activeUnit(tx: EntityManager, code: string, field: string): Promise<KnownUnit> {
    const unit = await this.directory.findByCode(code, tx);
    if (!unit) {
      throw new CampaignRuleViolation(field, 'unknown-unit', `no unit has the code ${code}; units come from the units service (it may take a moment to arrive)`);
    }
    if (unit.status !== 'active') {
      throw new CampaignRuleViolation(field, 'unit-not-active', `${code} (${unit.name}) is ${unit.status}; use the unit that replaced it`);
    }
    return unit;
  }

  async activeUnits(tx: EntityManager, codes: readonly string[], field: string): Promise<KnownUnit[]> {
    const units: KnownUnit[] = [];
    for (const [index, code] of codes.entries()) units.push(await this.activeUnit(tx, code, `${field}[${index}]`));
    return units;
  }

  /** The unit an area path ends in (the caller's own area), for its kind. */
  async areaUnit(tx: EntityManager, areaPath: string): Promise<KnownUnit | null> {
    return this.directory.findByCode(codeOfPath(areaPath), tx);
  }
}
