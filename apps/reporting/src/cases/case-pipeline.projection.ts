import { Injectable } from '@nestjs/common';
import {
  IncidentEventTypes,
  quarterOf,
  type EventEnvelope,
  type IncidentReportedV1,
  type IncidentReportedV2,
  type IncidentStatusChangedV1,
  type IncidentTransferredV1,
} from '@binh-yen/contracts';
import { ProjectionHandler, type Projection } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';

export const CASE_PIPELINE = { name: 'case-pipeline', version: 1 } as const;

const STAGE_COLUMNS: Record<string, string> = {
  'reported-verified': 'reported_verified',
  'verified-referred': 'verified_referred',
  'referred-indicted': 'referred_indicted',
  'indicted-tried': 'indicted_tried',
};

const LIFECYCLE_TYPES = [
  IncidentEventTypes.verified,
  IncidentEventTypes.rejected,
  IncidentEventTypes.investigationStarted,
  IncidentEventTypes.resolvedAtGrassroots,
  IncidentEventTypes.referredToProcuracy,
  IncidentEventTypes.indicted,
  IncidentEventTypes.returnedForInvestigation,
  IncidentEventTypes.notProsecuted,
  IncidentEventTypes.tried,
  IncidentEventTypes.closed,
];

async function applyReported(tx: EntityManager, event: EventEnvelope): Promise<void> {
  // v1 (the skeleton's) knew no domain or source: counted as "unknown" rather than guessed.
  const data = event.data as Partial<IncidentReportedV2> & IncidentReportedV1;
  await tx.query(
    `INSERT INTO incident_cases_v1 (incident_id, path, quarter, category, domain, source, status, reached)
     VALUES ($1, $2, $3, $4, $5, $6, 'reported', ARRAY['reported']) ON CONFLICT (incident_id) DO NOTHING`,
    [data.incidentId, event.area, quarterOf(data.occurredAt), data.category, data.domain ?? 'unknown', data.source ?? 'unknown'],
  );
}

async function applyStep(tx: EntityManager, event: EventEnvelope): Promise<void> {
  const step = event.data as IncidentStatusChangedV1;
  const stageColumn = step.stage ? STAGE_COLUMNS[step.stage.stage] : undefined;
  // A case returned and referred again keeps its last referral's duration (the events say so).
  await tx.query(
    `UPDATE incident_cases_v1
        SET status = $2::text,
            reached = CASE WHEN $2::text = ANY(reached) THEN reached ELSE array_append(reached, $2::text) END
            ${stageColumn ? `, ${stageColumn} = $3` : ''}
      WHERE incident_id = $1`,
    stageColumn ? [step.incidentId, step.toStatus, step.stage!.seconds] : [step.incidentId, step.toStatus],
  );
}

async function applyTransfer(tx: EntityManager, event: EventEnvelope): Promise<void> {
  const transfer = event.data as IncidentTransferredV1;
  // As in the incident counts: only while the incident's quarter is open does it move.
  if (quarterOf(transfer.occurredAt) !== quarterOf(event.occurredAt)) return;
  await tx.query(`UPDATE incident_cases_v1 SET path = $2 WHERE incident_id = $1`, [transfer.incidentId, transfer.toArea]);
}

/**
 * The case pipeline (clause 5): one row per incident under the area and quarter it
 * counts in, the statuses it reached, and its stage durations from the events.
 */
@Injectable()
@ProjectionHandler({ ...CASE_PIPELINE, topics: ['incident'], eventTypes: [IncidentEventTypes.reported, IncidentEventTypes.transferred, ...LIFECYCLE_TYPES] })
export class CasePipelineProjection implements Projection {
  async apply(events: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      if (event.type === IncidentEventTypes.reported) await applyReported(tx, event);
      else if (event.type === IncidentEventTypes.transferred) await applyTransfer(tx, event);
      else await applyStep(tx, event);
    }
  }
}
