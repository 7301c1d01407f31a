import type { Caller } from '@binh-yen/auth';
import type { CommandContext, CommandPipeline } from '@binh-yen/command-pipeline';
import { UnitEventTypes, uuidv7, type EventEnvelope, type UnitRegisteredV1 } from '@binh-yen/contracts';
import { checkParent, readCodeListRow, type CodeListError, type CodeListRow, type HierarchyNode } from '@binh-yen/units-domain';
import type { EntityManager } from 'typeorm';
import { unitEvent } from '../shared/unit-events';
import { parseCsv } from './csv';
import { foldForSearch } from '@binh-yen/shared-kernel';

export interface ImportReport {
  rows: number;
  created: number;
  unchanged: number;
  rejected: CodeListError[];
  /** True when bad rows stopped the whole file (nothing was written). */
  fileRejected: boolean;
}

export interface ImportOptions {
  /** Import the good rows and report the bad ones, instead of refusing the whole file. */
  skipInvalid: boolean;
  effectiveFrom: string;
  onProgress?: (done: number, total: number) => void;
}

interface KnownNode extends HierarchyNode {
  name: string;
  parentId: string | null;
}

const CHUNK = 500;

/**
 * Imports a code list (code, name, kind, parent code, optionally latitude and longitude) in one transaction, parents
 * before children whatever the file's order. Idempotent: a unit that exists with
 * the same name and parent is left alone, so importing a file twice changes
 * nothing. By default one bad row rejects the file and nothing is written.
 */
export class ImportUnitsUseCase {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute(csv: string, options: ImportOptions, context: CommandContext): Promise<ImportReport> {
    const { caller, now } = context;
    const records = parseCsv(csv);
    const header = records[0]?.cells.map((cell) => cell.trim().toLowerCase()) ?? [];
    const hasHeader = header[0] === 'code' || header[0] === 'ma' || header[0] === 'mã';
    const data = hasHeader ? records.slice(1) : records;
    const rejected: CodeListError[] = [];
    const rows: CodeListRow[] = [];
    const seen = new Map<string, number>();
    for (const record of data) {
      const row = readCodeListRow(record.line, record.cells);
      if (Array.isArray(row)) {
        rejected.push(...row);
        continue;
      }
      const earlier = seen.get(row.code);
      if (earlier !== undefined) {
        rejected.push({ line: row.line, field: 'code', message: `${row.code} already appears on line ${earlier}` });
        continue;
      }
      seen.set(row.code, row.line);
      rows.push(row);
    }

    // No key (a file import is idempotent by itself) and no audit row: its events are the record.
    return this.pipeline.run<ImportReport>({ name: 'import-units', request: null }, context, async (tx) => {
      const known = await this.loadKnown(tx);
      const toCreate: { row: CodeListRow; node: KnownNode }[] = [];
      let unchanged = 0;
      const pending = new Map(rows.map((row) => [row.code, row]));
      const failed = new Set<string>();
      // Parents first: resolve rows whose parent is known, until nothing moves.
      let progressed = true;
      while (pending.size > 0 && progressed) {
        progressed = false;
        for (const row of [...pending.values()]) {
          const parent = row.parentCode ? known.get(row.parentCode) : null;
          if (row.parentCode && !parent) {
            if (failed.has(row.parentCode) || (!pending.has(row.parentCode) && !known.has(row.parentCode))) {
              rejected.push({ line: row.line, field: 'parentCode', message: `parent ${row.parentCode} is neither registered nor a valid row of this file` });
              failed.add(row.code);
              pending.delete(row.code);
              progressed = true;
            }
            continue;
          }
          pending.delete(row.code);
          progressed = true;
          const existing = known.get(row.code);
          if (existing) {
            if (existing.name === row.name && existing.parentId === (parent?.id ?? null) && existing.kind === row.kind) unchanged++;
            else {
              rejected.push({ line: row.line, field: 'code', message: `${row.code} exists as "${existing.name}" (${existing.path}); rename or move it through the API` });
              failed.add(row.code);
            }
            continue;
          }
          try {
            checkParent(row.kind, parent ?? null);
          } catch (error) {
            rejected.push({ line: row.line, field: 'parentCode', message: (error as Error).message });
            failed.add(row.code);
            continue;
          }
          const node: KnownNode = { id: uuidv7(now.getTime()), code: row.code, kind: row.kind, path: parent ? `${parent.path}.${row.code}` : row.code, status: 'active', name: row.name, parentId: parent?.id ?? null };
          known.set(row.code, node);
          toCreate.push({ row, node });
        }
      }
      for (const row of pending.values()) rejected.push({ line: row.line, field: 'parentCode', message: `parent ${row.parentCode} forms a cycle in this file` });

      const report = { rows: data.length, unchanged, rejected: rejected.sort((a, b) => a.line - b.line) };
      if (rejected.length > 0 && !options.skipInvalid) return { view: { ...report, created: 0, fileRejected: true } };
      const events: EventEnvelope<UnitRegisteredV1>[] = [];
      for (let start = 0; start < toCreate.length; start += CHUNK) {
        events.push(...(await this.insertChunk(tx, toCreate.slice(start, start + CHUNK), caller, options.effectiveFrom, now)));
        options.onProgress?.(Math.min(start + CHUNK, toCreate.length), toCreate.length);
      }
      if (toCreate.length === 0) options.onProgress?.(0, 0);
      return { view: { ...report, created: toCreate.length, fileRejected: false }, events };
    });
  }

  private async loadKnown(tx: EntityManager): Promise<Map<string, KnownNode>> {
    const rows: { id: string; code: string; kind: HierarchyNode['kind']; path: string; status: HierarchyNode['status']; name: string; parent_id: string | null }[] =
      await tx.query(`SELECT id, code, kind, path, status, name, parent_id FROM units`);
    return new Map(rows.map((row) => [row.code, { id: row.id, code: row.code, kind: row.kind, path: row.path, status: row.status, name: row.name, parentId: row.parent_id }]));
  }

  private async insertChunk(tx: EntityManager, chunk: { row: CodeListRow; node: KnownNode }[], caller: Caller, effectiveFrom: string, now: Date): Promise<EventEnvelope<UnitRegisteredV1>[]> {
    await tx.query(
      `INSERT INTO units (id, code, name, name_search, kind, subkind, parent_id, path, effective_from, latitude, longitude)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::date[], $10::float8[], $11::float8[])`,
      [
        chunk.map(({ node }) => node.id),
        chunk.map(({ row }) => row.code),
        chunk.map(({ row }) => row.name),
        chunk.map(({ row }) => foldForSearch(row.name)),
        chunk.map(({ row }) => row.kind),
        chunk.map(({ row }) => row.subkind),
        chunk.map(({ node }) => node.parentId),
        chunk.map(({ node }) => node.path),
        chunk.map(() => effectiveFrom),
        chunk.map(({ row }) => row.location?.latitude ?? null),
        chunk.map(({ row }) => row.location?.longitude ?? null),
      ],
    );
    return chunk.map(({ row, node }) =>
      unitEvent<UnitRegisteredV1>(node.id, UnitEventTypes.registered, 1, node.path, caller, {
        unitId: node.id,
        code: row.code,
        name: row.name,
        kind: row.kind,
        subkind: row.subkind,
        parentId: node.parentId,
        path: node.path,
        effectiveFrom,
        predecessorIds: [],
      }, now),
    );
  }
}
