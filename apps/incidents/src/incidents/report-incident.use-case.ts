import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Caller } from '@binh-yen/auth';
import { IncidentEventTypes, uuidv7, type EventEnvelope, type IncidentReportedV1 } from '@binh-yen/contracts';
import { reportIncident, type IncidentReport } from '@binh-yen/incidents-domain';
import { OutboxWriter } from '@binh-yen/messaging';
import { DataSource } from 'typeorm';
import { IncidentEntity } from './incident.entity';

/**
 * Records an incident and its `incident.reported` event in one transaction.
 * Until the units replica lands (issue 4) the area path is the unit code.
 */
@Injectable()
export class ReportIncidentUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(report: IncidentReport, caller: Caller, now = new Date()): Promise<IncidentEntity> {
    const incident = reportIncident(report, uuidv7(now.getTime()), now);
    const area = incident.unitCode;
    return this.dataSource.transaction(async (tx) => {
      const row = tx.create(IncidentEntity, {
        ...incident,
        area,
        reportedBy: caller.subject,
        reportingAgency: caller.agency,
      });
      await tx.insert(IncidentEntity, row);
      const event: EventEnvelope<IncidentReportedV1> = {
        id: uuidv7(now.getTime()),
        type: IncidentEventTypes.reported,
        version: 1,
        occurredAt: now.toISOString(),
        aggregate: { type: 'incident', id: incident.id },
        sequence: incident.version,
        actor: { agency: caller.agency, subject: caller.subject },
        area,
        data: {
          incidentId: incident.id,
          unitCode: incident.unitCode,
          category: incident.category,
          occurredAt: incident.occurredAt.toISOString(),
          reportedAt: incident.reportedAt.toISOString(),
          summary: incident.summary,
        },
      };
      await this.outbox.append(tx, [event]);
      return row;
    });
  }
}
