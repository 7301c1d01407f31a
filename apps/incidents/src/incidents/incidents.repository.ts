import { Injectable } from '@nestjs/common';
import type { Caller } from '@binh-yen/auth';
import { notFound } from '@binh-yen/http';
import { uuidv7 } from '@binh-yen/contracts';
import type { PreviousStep } from '@binh-yen/incidents-domain';
import type { EntityManager } from 'typeorm';
import { INCIDENT_SELECT, type IncidentRow } from './incident-row';

export interface HistoryEntry {
  incidentId: string;
  sequence: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  details: Record<string, unknown>;
  /** When the step was taken (the report: its reportedAt); the entry's `at` is when it was recorded. */
  takenAt: Date;
}

/** 404 for an incident that does not exist, and the very same for one outside the caller's area (ADR 0025). */
export function incidentNotFound(id: string): Error {
  return notFound('incident', `No incident has the id ${id} (không tìm thấy vụ việc).`);
}

/** Loads and records incidents inside the caller's transaction. */
@Injectable()
export class IncidentsRepository {
  /** The incident, locked for the rest of the transaction (one change at a time per case). */
  async lockById(tx: EntityManager, id: string): Promise<IncidentRow> {
    const locked: { id: string }[] = await tx.query(`SELECT id FROM incidents WHERE id = $1 FOR UPDATE`, [id]);
    if (!locked[0]) throw incidentNotFound(id);
    return this.requireById(tx, id);
  }

  async requireById(tx: Pick<EntityManager, 'query'>, id: string): Promise<IncidentRow> {
    const rows: IncidentRow[] = await tx.query(`${INCIDENT_SELECT} WHERE i.id = $1`, [id]);
    if (!rows[0]) throw incidentNotFound(id);
    return rows[0];
  }

  /**
   * Inserts a new incident with its first timeline entry and answers the row as
   * `requireById` would: one round trip instead of three on the report path.
   */
  async insertWithFirstEntry(
    tx: EntityManager,
    insert: { sql: string; params: unknown[] },
    caller: Caller,
    entry: Omit<HistoryEntry, 'incidentId' | 'sequence' | 'takenAt'>,
    at: Date,
  ): Promise<IncidentRow> {
    const n = insert.params.length;
    const rows: IncidentRow[] = await tx.query(
      `WITH inserted AS (${insert.sql} RETURNING *),
       entry AS (
         INSERT INTO incident_history (id, incident_id, sequence, action, from_status, to_status, agency, actor, at, note, details, taken_at)
         SELECT $${n + 1}, id, 1, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}, $${n + 8}, $${n + 9}::jsonb, reported_at FROM inserted
       )
       SELECT i.*, ku.path AS current_path, ku.name AS unit_name FROM inserted i LEFT JOIN known_units ku ON ku.unit_id = i.unit_id`,
      [
        ...insert.params,
        uuidv7(at.getTime()),
        entry.action,
        entry.fromStatus,
        entry.toStatus,
        caller.agency,
        caller.subject,
        at,
        entry.note,
        JSON.stringify(entry.details),
      ],
    );
    return rows[0]!;
  }

  async recordHistory(tx: EntityManager, caller: Caller, entry: HistoryEntry, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO incident_history (id, incident_id, sequence, action, from_status, to_status, agency, actor, at, note, details, taken_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)`,
      [uuidv7(at.getTime()), entry.incidentId, entry.sequence, entry.action, entry.fromStatus, entry.toStatus, caller.agency, caller.subject, at, entry.note, JSON.stringify(entry.details), entry.takenAt],
    );
  }

  /** The last step of the case's lifecycle (the report counts; a transfer is no step): the next one may not precede it. */
  async lastStep(tx: EntityManager, incidentId: string): Promise<PreviousStep> {
    const rows: { action: string; taken_at: Date }[] = await tx.query(
      `SELECT action, taken_at FROM incident_history WHERE incident_id = $1 AND action <> 'transfer' ORDER BY sequence DESC LIMIT 1`,
      [incidentId],
    );
    const row = rows[0];
    if (!row) throw new Error(`incident ${incidentId} has no timeline`);
    return { action: row.action, takenAt: new Date(row.taken_at) };
  }
}
