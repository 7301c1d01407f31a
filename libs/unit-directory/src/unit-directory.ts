import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { KnownUnit } from './known-unit';

/** A row of known_units as PostgreSQL answers it (also as `to_jsonb(known_units)`: text, uuid and arrays only). */
export interface KnownUnitRow {
  unit_id: string;
  code: string;
  name: string;
  kind: string;
  subkind: string;
  parent_id: string | null;
  path: string;
  status: KnownUnit['status'];
  successor_ids: string[];
}

export function toKnownUnit(row: KnownUnitRow): KnownUnit {
  return {
    unitId: row.unit_id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    subkind: row.subkind,
    parentId: row.parent_id,
    path: row.path,
    status: row.status,
    successorIds: row.successor_ids,
  };
}

/** Reads the local replica of units (validate a unit, stamp its path on events). */
@Injectable()
export class UnitDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async findByCode(code: string, tx: Pick<EntityManager, 'query'> = this.dataSource): Promise<KnownUnit | null> {
    const rows: KnownUnitRow[] = await tx.query(`SELECT * FROM known_units WHERE code = $1`, [code]);
    return rows[0] ? toKnownUnit(rows[0]) : null;
  }

  async findById(unitId: string, tx: Pick<EntityManager, 'query'> = this.dataSource): Promise<KnownUnit | null> {
    const rows: KnownUnitRow[] = await tx.query(`SELECT * FROM known_units WHERE unit_id = $1`, [unitId]);
    return rows[0] ? toKnownUnit(rows[0]) : null;
  }
}
