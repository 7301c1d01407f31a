import { Injectable } from '@nestjs/common';
import { notFound } from '@binh-yen/http';
import type { EntityManager } from 'typeorm';
import type { UnitRow } from './unit-row';
import { sqlWithinArea } from '@binh-yen/auth';
import { foldForSearch } from '@binh-yen/shared-kernel';

// Dates come back as text so a date never shifts with the server's time zone.
const COLUMNS = `id, code, name, kind, subkind, parent_id, path, status, effective_from::text AS effective_from,
  effective_to::text AS effective_to, version, latitude, longitude`;

/** Reads and locks units inside a use case's transaction. */
@Injectable()
export class UnitsRepository {
  async findByCode(tx: EntityManager, code: string, lock = false): Promise<UnitRow | null> {
    const rows: UnitRow[] = await tx.query(`SELECT ${COLUMNS} FROM units WHERE code = $1 ${lock ? 'FOR UPDATE' : ''}`, [code]);
    return rows[0] ?? null;
  }

  async findById(tx: EntityManager, id: string, lock = false): Promise<UnitRow | null> {
    const rows: UnitRow[] = await tx.query(`SELECT ${COLUMNS} FROM units WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async requireByCode(tx: EntityManager, code: string, lock = false): Promise<UnitRow> {
    const row = await this.findByCode(tx, code, lock);
    if (!row) throw notFound('unit', `No unit has the code ${code}; search /api/v1/units?q= to find its code.`);
    return row;
  }

  async requireById(tx: EntityManager, id: string, lock = false): Promise<UnitRow> {
    const row = await this.findById(tx, id, lock);
    if (!row) throw notFound('unit', `No unit has the id ${id}.`);
    return row;
  }

  /** Every unit strictly below `path`, shallowest first, locked for a reorganisation. */
  async lockDescendants(tx: EntityManager, path: string): Promise<UnitRow[]> {
    return tx.query(`SELECT ${COLUMNS} FROM units WHERE path <> $1 AND ${sqlWithinArea('path', '$1')} ORDER BY length(path), path FOR UPDATE`, [path]);
  }

  async activeChildren(tx: EntityManager, id: string): Promise<UnitRow[]> {
    return tx.query(`SELECT ${COLUMNS} FROM units WHERE parent_id = $1 AND status = 'active' ORDER BY code`, [id]);
  }

  /** A new name, and its folded form the search reads (ADR 0040). */
  async rename(tx: EntityManager, id: string, name: string): Promise<void> {
    await tx.query(`UPDATE units SET name = $2, name_search = $3 WHERE id = $1`, [id, name, foldForSearch(name)]);
  }

  /** Bumps the version (the aggregate's event sequence) and answers the new one. */
  async touch(tx: EntityManager, id: string): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING as [rows, affected count].
    const [rows]: [{ version: number }[], number] = await tx.query(`UPDATE units SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`, [id]);
    return rows[0]!.version;
  }
}
