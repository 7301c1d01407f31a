import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@binh-yen/http';
import type { EntityManager } from 'typeorm';
import type { KnownUnit } from './known-unit';
import { UnitDirectory } from './unit-directory';

/** What a service's problems are called: `urn:binh-yen:problem:<prefix>-unknown-unit` (incident, campaign). */
export const UNIT_PROBLEM_PREFIX = Symbol('UNIT_PROBLEM_PREFIX');

const LEFT_AS: Record<Exclude<KnownUnit['status'], 'active'>, string> = { dissolved: 'giải thể', merged: 'sáp nhập', split: 'chia tách' };

/**
 * Turns a unit code of a request into a unit of the local replica (fed by the units events; the
 * service never calls the units service). An unknown code, or a unit merged, split or dissolved,
 * is refused with 422 naming the field, and the units that replaced it.
 */
@Injectable()
export class UnitResolver {
  constructor(
    private readonly directory: UnitDirectory,
    @Inject(UNIT_PROBLEM_PREFIX) private readonly problemPrefix: string,
  ) {}

  async activeUnit(tx: Pick<EntityManager, 'query'>, code: string, field: string): Promise<KnownUnit> {
    return this.assertActive(tx, await this.directory.findByCode(code, tx), code, field);
  }

  /** The check of `activeUnit` for a unit read by the caller (e.g. in one statement with other reads). */
  async assertActive(tx: Pick<EntityManager, 'query'>, unit: KnownUnit | null, code: string, field: string): Promise<KnownUnit> {
    if (!unit) throw this.refusal(field, 'unknown-unit', `no unit has the code ${code} (không có đơn vị mã ${code}); units come from the units service and may take a moment to arrive.`);
    if (unit.status !== 'active') {
      const successors = unit.successorIds.length > 0 ? await this.codesOf(tx, unit.successorIds) : [];
      const replacedBy = successors.length > 0 ? `; use ${successors.join(' or ')}` : '';
      throw this.refusal(field, 'unit-not-active', `${code} (${unit.name}) is ${unit.status} (đơn vị đã ${LEFT_AS[unit.status]})${replacedBy}.`);
    }
    return unit;
  }

  /** Each code of a list, refused with the index of the one that fails (`field[1]`). */
  async activeUnits(tx: Pick<EntityManager, 'query'>, codes: readonly string[], field: string): Promise<KnownUnit[]> {
    const units: KnownUnit[] = [];
    for (const [index, code] of codes.entries()) units.push(await this.activeUnit(tx, code, `${field}[${index}]`));
    return units;
  }

  /** The unit as the replica knows it now (its path follows renames and moves). */
  current(tx: Pick<EntityManager, 'query'>, unitId: string): Promise<KnownUnit | null> {
    return this.directory.findById(unitId, tx);
  }

  /** The unit an area path ends in (e.g. the caller's own area). */
  areaUnit(tx: Pick<EntityManager, 'query'>, areaPath: string): Promise<KnownUnit | null> {
    return this.directory.findByCode(areaPath.slice(areaPath.lastIndexOf('.') + 1), tx);
  }

  private async codesOf(tx: Pick<EntityManager, 'query'>, unitIds: string[]): Promise<string[]> {
    const rows: { code: string }[] = await tx.query(`SELECT code FROM known_units WHERE unit_id = ANY($1::uuid[]) ORDER BY code`, [unitIds]);
    return rows.map((row) => row.code);
  }

  private refusal(field: string, rule: string, message: string): ProblemException {
    return new ProblemException({
      type: `urn:binh-yen:problem:${this.problemPrefix}-${rule}`,
      title: 'Vi phạm quy tắc nghiệp vụ (Business rule violated)',
      status: 422,
      detail: message,
      errors: [{ field, message }],
    });
  }
}
