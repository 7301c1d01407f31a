import { HttpStatus, Injectable } from '@nestjs/common';
import { assertInArea } from '@binh-yen/auth';
import { CommandPipeline, type CommandContext, type CommandDecision } from '@binh-yen/command-pipeline';
import { IncidentEventTypes, uuidv7, type EventEnvelope, type IncidentReportedV2 } from '@binh-yen/contracts';
import { ProblemException, problemType } from '@binh-yen/http';
import { findPossibleDuplicates, reportIncident, type ReportedIncident } from '@binh-yen/incidents-domain';
import { UnitResolver } from '@binh-yen/unit-directory';
import type { EntityManager } from 'typeorm';
import { IncidentsSettings } from '../shared/incidents-settings';
import { InformantCipher } from '../shared/informant-cipher';
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
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitResolver,
    private readonly taxonomy: TaxonomyQueries,
    private readonly incidents: IncidentsRepository,
    private readonly cipher: InformantCipher,
    private readonly settings: IncidentsSettings,
  ) {}

  execute(input: ReportIncidentDto, context: CommandContext): Promise<IncidentView> {
    return this.pipeline.run({ name: 'report-incident', request: input }, context, (tx) => this.report(tx, input, context));
  }

  private async report(tx: EntityManager, input: ReportIncidentDto, { caller, now }: CommandContext): Promise<CommandDecision<IncidentView>> {
    const policy = this.settings.duplicates;
    // Unit, category and the duplicate candidates in one round trip; checked in the same order as before.
    const ground = await this.incidents.reportGround(tx, input.unitCode, input.category, new Date(input.occurredAt), policy.windowMs);
    const unit = await this.units.assertActive(tx, ground.unit, input.unitCode, 'unitCode');
    assertInArea(caller, unit.path);
    const category = await this.taxonomy.assertActiveCategory(tx, ground.category, input.category);
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
    if (incident.informant && !this.cipher.available) throw informantProtectionUnavailable();

    const duplicates = findPossibleDuplicates({ unitId: unit.unitId, category: category.slug, occurredAt: incident.occurredAt, summary: incident.summary }, ground.earlier, policy).map(
      (candidate) => candidate.id,
    );
    // The incident, its first timeline entry and the row as read back, in one statement.
    const row = await this.incidents.insertReported(tx, { incident, unit, domain, possibleDuplicateOf: duplicates }, caller, now);
    if (incident.informant) await this.incidents.insertSealedInformant(tx, incident.id, this.cipher.seal(incident.id, incident.informant));
    const view = toView(row);
    // The audit entry, its event and the incident's event: one statement in the pipeline.
    return {
      view,
      audit: { action: 'incident.report', entityType: 'incident', entityId: incident.id, area: unit.path, before: null, after: view },
      events: [reportedEvent(incident, unit, domain, duplicates, { caller, now })],
    };
  }
}

function reportedEvent(incident: ReportedIncident, unit: { unitId: string; code: string; path: string }, domain: string, duplicates: string[], { caller, now }: Pick<CommandContext, 'caller' | 'now'>): EventEnvelope<IncidentReportedV2> {
  return incidentEvent<IncidentReportedV2>(incident.id, IncidentEventTypes.reported, 2, 1, unit.path, caller, {
    incidentId: incident.id,
    unitId: unit.unitId,
    unitCode: unit.code,
    category: incident.category,
    domain,
    source: incident.source,
    severity: incident.severity,
    occurredAt: incident.occurredAt.toISOString(),
    reportedAt: incident.reportedAt.toISOString(),
    people: incident.people,
    possibleDuplicateOf: duplicates,
    status: 'reported',
  }, now);
}

function informantProtectionUnavailable(): ProblemException {
  return new ProblemException({
    type: problemType('informant-protection-unavailable'),
    title: 'Chưa cấu hình bảo vệ người báo tin (Informant protection not configured)',
    status: HttpStatus.SERVICE_UNAVAILABLE,
    detail: 'This service has no informant key (INCIDENTS_INFORMANT_KEY), so it cannot store informant details safely; send the tip without them or ask the operators.',
  });
}
