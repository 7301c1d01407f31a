import { Injectable } from '@nestjs/common';
import type { Caller } from '@binh-yen/auth';
import { notFound } from '@binh-yen/http';
import { uuidv7 } from '@binh-yen/contracts';
import { type DuplicateCandidate, type PreviousStep, type ReportedIncident } from '@binh-yen/incidents-domain';
import { toKnownUnit, type KnownUnit, type KnownUnitRow } from '@binh-yen/unit-directory';
import type { EntityManager } from 'typeorm';
import type { SealedInformant } from '../shared/informant-cipher';
import { toCategory, type CategoryView, type TaxonomyRow } from '../taxonomy/taxonomy.queries';
import { INCIDENT_SELECT, type IncidentRow } from './incident-row';
import { foldForSearch } from '@binh-yen/shared-kernel';

/** A report as decided, with what the service knows around it. */
export interface NewIncident {
  incident: ReportedIncident;
  unit: Pick<KnownUnit, 'unitId' | 'code' | 'path'>;
  domain: string;
  possibleDuplicateOf: string[];
}

/** A report's unit and category as stored (null when unknown) and the candidates for a possible duplicate. */
export interface ReportGround {
  unit: KnownUnit | null;
  category: CategoryView | null;
  earlier: DuplicateCandidate[];
}

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
   * What a report is checked against, in one round trip (the report path's hottest reads): the
   * unit of the code, the category of the slug, and the earlier reports of that unit and category
   * within ±window of `occurredAt` (the candidates for a possible duplicate). The caller checks
   * unit and category as before (`assertActive`, `assertActiveCategory`).
   */
  async reportGround(tx: Pick<EntityManager, 'query'>, unitCode: string, category: string, occurredAt: Date, windowMs: number): Promise<ReportGround> {
    const rows: { unit: KnownUnitRow | null; category: TaxonomyRow | null; earlier: { id: string; unit_id: string; category: string; occurred_at: string; summary: string }[] }[] = await tx.query(
      `SELECT (SELECT to_jsonb(u) FROM known_units u WHERE u.code = $1) AS unit,
              (SELECT to_jsonb(c) FROM incident_categories c WHERE c.slug = $2) AS category,
              (SELECT coalesce(jsonb_agg(d), '[]'::jsonb) FROM (
                 SELECT id, unit_id, category, occurred_at, summary FROM incidents
                  WHERE unit_id = (SELECT unit_id FROM known_units WHERE code = $1) AND category = $2 AND occurred_at BETWEEN $3 AND $4
                  ORDER BY occurred_at DESC LIMIT 200) AS d) AS earlier`,
      [unitCode, category, new Date(occurredAt.getTime() - windowMs), new Date(occurredAt.getTime() + windowMs)],
    );
    // One row always: every column is a scalar subquery.
    const [{ unit, category: found, earlier }] = rows as [(typeof rows)[number]];
    return {
      unit: unit ? toKnownUnit(unit) : null,
      category: found ? toCategory(found) : null,
      earlier: earlier.map((e) => ({ id: e.id, unitId: e.unit_id, category: e.category, occurredAt: new Date(e.occurred_at), summary: e.summary })),
    };
  }

  /**
   * Inserts a reported incident with its first timeline entry and answers the row as
   * `requireById` would: one round trip instead of three on the report path.
   */
  async insertReported(tx: EntityManager, reported: NewIncident, caller: Caller, at: Date): Promise<IncidentRow> {
    const { incident, unit, domain, possibleDuplicateOf } = reported;
    const rows: IncidentRow[] = await tx.query(
      `WITH inserted AS (
         INSERT INTO incidents (id, unit_id, unit_code, area, category, domain, source, severity, occurred_at, reported_at, recorded_at, updated_at,
           summary, location_text, latitude, longitude, suspects, victims, injured, deaths, has_informant, possible_duplicate_of,
           status, version, reported_by, reporting_agency, search_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21::uuid[], 'reported', 1, $22, $23, $24)
         RETURNING *
       ),
       entry AS (
         INSERT INTO incident_history (id, incident_id, sequence, action, from_status, to_status, agency, actor, at, note, details, taken_at)
         SELECT $25, id, 1, 'report', NULL, 'reported', $23, $22, $11, NULL, $26::jsonb, reported_at FROM inserted
       )
       SELECT i.*, ku.path AS current_path, ku.name AS unit_name FROM inserted i LEFT JOIN known_units ku ON ku.unit_id = i.unit_id`,
      [
        incident.id,
        unit.unitId,
        unit.code,
        unit.path,
        incident.category,
        domain,
        incident.source,
        incident.severity,
        incident.occurredAt,
        incident.reportedAt,
        at,
        incident.summary,
        incident.locationText,
        incident.coordinates?.latitude ?? null,
        incident.coordinates?.longitude ?? null,
        incident.people.suspects,
        incident.people.victims,
        incident.people.injured,
        incident.people.deaths,
        incident.informant !== null,
        possibleDuplicateOf,
        caller.subject,
        caller.agency,
        foldForSearch(`${incident.summary} ${incident.locationText ?? ''}`),
        uuidv7(at.getTime()),
        JSON.stringify({ source: incident.source, possibleDuplicateOf }),
      ],
    );
    return rows[0]!;
  }

  /** The informant, sealed, in its own table (never in the incident row, the audit or an event). */
  async insertSealedInformant(tx: EntityManager, incidentId: string, sealed: SealedInformant): Promise<void> {
    await tx.query(`INSERT INTO incident_informants (incident_id, key_id, iv, ciphertext, auth_tag) VALUES ($1, $2, $3, $4, $5)`, [
      incidentId,
      sealed.keyId,
      sealed.iv,
      sealed.ciphertext,
      sealed.authTag,
    ]);
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
