import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { IncidentEventTypes, quarterOf, Topics, type IncidentEvent } from '@binh-yen/contracts';
import { EventDispatch, ProjectionContext } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';

export const CASE_PIPELINE = { name: 'case-pipeline', version: 1 } as const;

const STAGE_COLUMNS: Record<string, string> = {
  'reported-verified': 'reported_verified',
  'verified-referred': 'verified_referred',
  'referred-indicted': 'referred_indicted',
  'indicted-tried': 'indicted_tried',
};

type Reported = Extract<IncidentEvent, { type: 'incident.reported' }>;
type Step = Extract<IncidentEvent, { data: { toStatus: string } }>;
type Transferred = Extract<IncidentEvent, { type: 'incident.transferred' }>;

async function applyReported(event: Reported, tx: EntityManager): Promise<void> {
  const data = event.data;
  // v1 (the skeleton's) knew no domain or source: counted as "unknown" rather than guessed.
  const [domain, source] = event.version === 2 ? [event.data.domain, event.data.source] : ['unknown', 'unknown'];
  await tx.query(
    `INSERT INTO incident_cases_v1 (incident_id, path, quarter, category, domain, source, status, reached)
     VALUES ($1, $2, $3, $4, $5, $6, 'reported', ARRAY['reported']) ON CONFLICT (incident_id) DO NOTHING`,
    [data.incidentId, event.area, quarterOf(data.occurredAt), data.category, domain, source],
  );
}

async function applyStep(event: Step, tx: EntityManager): Promise<void> {
  const step = event.data;
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

async function applyTransfer(event: Transferred, tx: EntityManager): Promise<void> {
  const transfer = event.data;
  // As in the incident counts: only while the incident's quarter is open does it move.
  if (quarterOf(transfer.occurredAt) !== quarterOf(event.occurredAt)) return;
  await tx.query(`UPDATE incident_cases_v1 SET path = $2 WHERE incident_id = $1`, [transfer.incidentId, transfer.toArea]);
}

/** Every incident event moves the pipeline: the report opens a case, each step moves it on. */
const pipeline = new EventDispatch<IncidentEvent, [EntityManager]>({
  [IncidentEventTypes.reported]: applyReported,
  [IncidentEventTypes.transferred]: applyTransfer,
  [IncidentEventTypes.verified]: applyStep,
  [IncidentEventTypes.rejected]: applyStep,
  [IncidentEventTypes.investigationStarted]: applyStep,
  [IncidentEventTypes.resolvedAtGrassroots]: applyStep,
  [IncidentEventTypes.referredToProcuracy]: applyStep,
  [IncidentEventTypes.indicted]: applyStep,
  [IncidentEventTypes.returnedForInvestigation]: applyStep,
  [IncidentEventTypes.notProsecuted]: applyStep,
  [IncidentEventTypes.tried]: applyStep,
  [IncidentEventTypes.closed]: applyStep,
});

/**
 * The case pipeline (clause 5): one row per incident under the area and quarter it
 * counts in, the statuses it reached, and its stage durations from the events.
 */
@Controller()
export class CasePipelineProjection {
  @EventPattern(Topics.incident, { projection: CASE_PIPELINE.name, version: CASE_PIPELINE.version, eventTypes: pipeline.eventTypes })
  async apply(@Payload() events: readonly IncidentEvent[], @Ctx() { manager }: ProjectionContext): Promise<void> {
    for (const event of events) await pipeline.apply(event, manager);
  }
}
