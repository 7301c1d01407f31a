import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditTrail } from '@binh-yen/audit';
import { assertInArea, type Caller } from '@binh-yen/auth';
import { IncidentEventTypes, uuidv7, type IncidentReportedV2 } from '@binh-yen/contracts';
import { ProblemException, problemType } from '@binh-yen/http';
import { fingerprintOf, IdempotencyService } from '@binh-yen/idempotency';
import { findPossibleDuplicates, foldForSearch, reportIncident } from '@binh-yen/incidents-domain';
import type { EntityManager } from 'typeorm';
import { IncidentsSettings } from '../shared/incidents-settings';
import { InformantCipher } from '../shared/informant-cipher';
import { UnitResolver } from '../shared/unit-resolver';
import { TaxonomyQueries } from '../taxonomy/taxonomy.queries';
import type { ReportIncidentDto } from './dto/report-incident.dto';
import { incidentEvent } from './incident-events';
import { toView, type IncidentView } from './incident-row';
import { IncidentsRepository } from './incidents.repository';

/**
 * Records an incident in one transaction: the row, the informant (sealed, in its
 * own table), the first timeline entry, the audit entry and `incident.reported`.
 * Possible duplicates are flagged, never refused.
 */
@Injectable()
export class ReportIncidentUseCase {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly units: UnitResolver,
    private readonly taxonomy: TaxonomyQueries,
    private readonly incidents: IncidentsRepository,
    private readonly cipher: InformantCipher,
    private readonly settings: IncidentsSettings,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: ReportIncidentDto, caller: Caller, idempotencyKey?: string, now = new Date()): Promise<IncidentView> {
    const { result } = await this.idempotency.run(idempotencyKey, { command: 'report-incident', caller }, fingerprintOf(input), (tx) => this.report(tx, input, caller, now));
    return result;
  }

  private async report(tx: EntityManager, input: ReportIncidentDto, caller: Caller, now: Date): Promise<IncidentView> {
    const unit = await this.units.activeUnit(tx, input.unitCode, 'unitCode');
    assertInArea(caller, unit.path);
    const category = await this.taxonomy.activeCategory(tx, input.category);
    const domain = input.domain ? (await this.taxonomy.activeDomain(tx, input.domain)).slug : category.defaultDomain;
    const incident = reportIncident(
      {
        unitCode: unit.code,
        category: category.slug,
        occurredAt: new Date(input.occurredAt),
        reportedAt: input.reportedAt ? new Date(input.reportedAt) : undefined,
        summary: input.summary,
        source: input.source,
        severity: input.severity,
        locationText: input.locationText,
        coordinates: input.coordinates,
        people: input.people,
        informant: input.informant ? { name: input.informant.name, contact: input.informant.contact ?? null } : undefined,
      },
      uuidv7(now.getTime()),
      now,
    );
    if (incident.informant && !this.cipher.available) {
      throw new ProblemException({
        type: problemType('informant-protection-unavailable'),
        title: 'Chưa cấu hình bảo vệ người báo tin (Informant protection not configured)',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: 'This service has no informant key (INCIDENTS_INFORMANT_KEY), so it cannot store informant details safely; send the tip without them or ask the operators.',
      });
    }

    const policy = this.settings.duplicates;
    const earlier: { id: string; unit_id: string; category: string; occurred_at: Date; summary: string }[] = await tx.query(
      `SELECT id, unit_id, category, occurred_at, summary FROM incidents
        WHERE unit_id = $1 AND category = $2 AND occurred_at BETWEEN $3 AND $4
        ORDER BY occurred_at DESC LIMIT 200`,
      [unit.unitId, category.slug, new Date(incident.occurredAt.getTime() - policy.windowMs), new Date(incident.occurredAt.getTime() + policy.windowMs)],
    );
    const duplicates = findPossibleDuplicates(
      { unitId: unit.unitId, category: category.slug, occurredAt: incident.occurredAt, summary: incident.summary },
      earlier.map((row) => ({ id: row.id, unitId: row.unit_id, category: row.category, occurredAt: new Date(row.occurred_at), summary: row.summary })),
      policy,
    ).map((candidate) => candidate.id);

    const insert = {
      sql: `INSERT INTO incidents (id, unit_id, unit_code, area, category, domain, source, severity, occurred_at, reported_at, recorded_at, updated_at,
         summary, location_text, latitude, longitude, suspects, victims, injured, deaths, has_informant, possible_duplicate_of,
         status, version, reported_by, reporting_agency, search_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21::uuid[], 'reported', 1, $22, $23, $24)`,
      params: [
        incident.id,
        unit.unitId,
        unit.code,
        unit.path,
        category.slug,
        domain,
        incident.source,
        incident.severity,
        incident.occurredAt,
        incident.reportedAt,
        now,
        incident.summary,
        incident.locationText,
        incident.coordinates?.latitude ?? null,
        incident.coordinates?.longitude ?? null,
        incident.people.suspects,
        incident.people.victims,
        incident.people.injured,
        incident.people.deaths,
        incident.informant !== null,
        duplicates,
        caller.subject,
        caller.agency,
        foldForSearch(`${incident.summary} ${incident.locationText ?? ''}`),
      ],
    };
    // The incident, its first timeline entry and the row as read back, in one statement.
    const row = await this.incidents.insertWithFirstEntry(
      tx,
      insert,
      caller,
      { action: 'report', fromStatus: null, toStatus: 'reported', note: null, details: { source: incident.source, possibleDuplicateOf: duplicates } },
      now,
    );
    if (incident.informant) {
      const sealed = this.cipher.seal(incident.id, incident.informant);
      await tx.query(`INSERT INTO incident_informants (incident_id, key_id, iv, ciphertext, auth_tag) VALUES ($1, $2, $3, $4, $5)`, [
        incident.id,
        sealed.keyId,
        sealed.iv,
        sealed.ciphertext,
        sealed.authTag,
      ]);
    }
    const view = toView(row);
    const reported = incidentEvent<IncidentReportedV2>(incident.id, IncidentEventTypes.reported, 2, 1, unit.path, caller, {
        incidentId: incident.id,
        unitId: unit.unitId,
        unitCode: unit.code,
        category: category.slug,
        domain,
        source: incident.source,
        severity: incident.severity,
        occurredAt: incident.occurredAt.toISOString(),
        reportedAt: incident.reportedAt.toISOString(),
        people: incident.people,
        possibleDuplicateOf: duplicates,
        status: 'reported',
      }, now);
    // The audit entry, its event and the incident's event: two statements in all.
    await this.audit.record(tx, caller, { action: 'incident.report', entityType: 'incident', entityId: incident.id, area: unit.path, before: null, after: view }, now, [reported]);
    return view;
  }
}
