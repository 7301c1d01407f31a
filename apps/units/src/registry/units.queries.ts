import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { sqlWithinArea, type Caller } from '@binh-yen/auth';
import { notFound } from '@binh-yen/http';
import { DataSource } from 'typeorm';
import { toView, UnitView, type UnitRow } from '../shared/unit-row';
import type { SearchUnitsQuery } from './dto/search-units-query.dto';
import { foldForSearch } from '@binh-yen/shared-kernel';

const COLUMNS = `id, code, name, kind, subkind, parent_id, path, status, effective_from::text AS effective_from,
  effective_to::text AS effective_to, version, latitude, longitude`;
const U_COLUMNS = `u.id, u.code, u.name, u.kind, u.subkind, u.parent_id, u.path, u.status,
  u.effective_from::text AS effective_from, u.effective_to::text AS effective_to, u.version, u.latitude, u.longitude`;

export class UnitPage {
  @ApiProperty({ type: [UnitView] }) items!: UnitView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last' }) nextCursor!: string | null;
}

/** A unit this one came from or went to, by which change and since when. */
export class LineageLink {
  @ApiProperty({ type: UnitView }) unit!: UnitView;
  @ApiProperty({ example: 'merge' }) change!: string;
  @ApiProperty({ example: '2025-07-01' }) effectiveFrom!: string;
}

export class Lineage {
  @ApiProperty({ type: UnitView }) unit!: UnitView;
  @ApiProperty({ type: [LineageLink] }) cameFrom!: LineageLink[];
  @ApiProperty({ type: [LineageLink] }) wentTo!: LineageLink[];
}

const encodeCursor = (path: string): string => Buffer.from(path, 'utf8').toString('base64url');
const decodeCursor = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');

/** Read side of the registry; every read is limited to the caller's area. */
@Injectable()
export class UnitsQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(query: SearchUnitsQuery, caller: Caller): Promise<UnitPage> {
    const limit = query.limit ?? 50;
    const folded = query.q ? foldForSearch(query.q) : null;
    const rows: UnitRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM units
        WHERE ${sqlWithinArea('path', '$1')}
          AND ($2::text IS NULL OR ${sqlWithinArea('path', '$2')})
          AND ($3::text IS NULL OR strpos(name_search, $3) > 0 OR code = $4)
          AND ($5::text IS NULL OR kind = $5)
          AND ($6::text IS NULL OR status = $6)
          AND ($7::text IS NULL OR path > $7)
        ORDER BY path
        LIMIT $8`,
      [caller.area, query.under ?? null, folded, query.q ?? null, query.kind ?? null, query.status ?? null, query.cursor ? decodeCursor(query.cursor) : null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return { items: page.map(toView), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.path) : null };
  }

  async byCode(code: string, caller: Caller): Promise<UnitRow> {
    const rows: UnitRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM units WHERE code = $1 AND ${sqlWithinArea('path', '$2')}`, [code, caller.area]);
    if (!rows[0]) throw notFound('unit', `No unit with the code ${code} in your area (${caller.area}).`);
    return rows[0];
  }

  async subtree(code: string, caller: Caller): Promise<UnitView[]> {
    const unit = await this.byCode(code, caller);
    const rows: UnitRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM units WHERE ${sqlWithinArea('path', '$1')} ORDER BY path`, [unit.path]);
    return rows.map(toView);
  }

  /** From the top of the hierarchy down to the unit's parent. */
  async ancestors(code: string, caller: Caller): Promise<UnitView[]> {
    const unit = await this.byCode(code, caller);
    const labels = unit.path.split('.');
    const paths = labels.slice(0, -1).map((_, index) => labels.slice(0, index + 1).join('.'));
    const rows: UnitRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM units WHERE path = ANY($1::text[]) ORDER BY length(path)`, [paths]);
    return rows.map(toView);
  }

  async lineage(code: string, caller: Caller): Promise<Lineage> {
    const unit = await this.byCode(code, caller);
    const related = async (column: 'predecessor_id' | 'successor_id', other: 'predecessor_id' | 'successor_id') => {
      const rows: (UnitRow & { change: string; lineage_from: string })[] = await this.dataSource.query(
        `SELECT ${U_COLUMNS}, l.change, l.effective_from::text AS lineage_from
           FROM unit_lineage l JOIN units u ON u.id = l.${other}
          WHERE l.${column} = $1 ORDER BY u.code`,
        [unit.id],
      );
      return rows.map((row) => ({ unit: toView(row), change: row.change, effectiveFrom: row.lineage_from }));
    };
    return { unit: toView(unit), cameFrom: await related('successor_id', 'predecessor_id'), wentTo: await related('predecessor_id', 'successor_id') };
  }
}
