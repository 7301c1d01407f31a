import { Injectable } from '@nestjs/common';
import {
  ModelEventTypes,
  UnitEventTypes,
  type EventEnvelope,
  type ModelRecognisedAdvancedV1,
  type ModelRegisteredV1,
  type ModelReplicatedV1,
  type ModelReviewedV1,
  type UnitCertificationRevokedV1,
  type UnitCertifiedV1,
  type UnitDissolvedV1,
  type UnitForceRegisteredV1,
  type UnitHotspotDesignatedV1,
  type UnitMergedV1,
  type UnitMovedV1,
  type UnitPilotDesignatedV1,
  type UnitRatedV1,
  type UnitRegisteredV1,
  type UnitRenamedV1,
  type UnitSplitV1,
  type UnitTrainingRecordedV1,
} from '@binh-yen/contracts';
import { ProjectionHandler, type Projection } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';
import { quarterOfDate } from './date-quarter';

export const MOVEMENT_PROJECTION = { name: 'movement', version: 1 } as const;

type Apply = (tx: EntityManager, event: EventEnvelope) => Promise<void>;

const data = <T>(event: EventEnvelope): T => event.data as T;

/** What each event does to the movement's read models. */
const appliers: Record<string, Apply> = {
  [UnitEventTypes.registered]: async (tx, event) => {
    const unit = data<UnitRegisteredV1>(event);
    await tx.query(
      `INSERT INTO report_units_v1 (unit_id, code, name, kind, subkind, parent_id, path, status, effective_from, predecessor_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9::uuid[])
       ON CONFLICT (unit_id) DO NOTHING`,
      [unit.unitId, unit.code, unit.name, unit.kind, unit.subkind, unit.parentId, unit.path, unit.effectiveFrom, unit.predecessorIds],
    );
    await rememberPath(tx, unit.path, unit.unitId);
  },
  [UnitEventTypes.renamed]: async (tx, event) => {
    const unit = data<UnitRenamedV1>(event);
    await tx.query(`UPDATE report_units_v1 SET name = $2 WHERE unit_id = $1`, [unit.unitId, unit.name]);
  },
  [UnitEventTypes.moved]: async (tx, event) => {
    const unit = data<UnitMovedV1>(event);
    await tx.query(`UPDATE report_units_v1 SET parent_id = $2, path = $3 WHERE unit_id = $1`, [unit.unitId, unit.parentId, unit.path]);
    await rememberPath(tx, unit.previousPath, unit.unitId);
    await rememberPath(tx, unit.path, unit.unitId);
  },
  [UnitEventTypes.merged]: async (tx, event) => {
    const unit = data<UnitMergedV1>(event);
    await tx.query(`UPDATE report_units_v1 SET status = 'merged', effective_to = $2, successor_ids = ARRAY[$3::uuid] WHERE unit_id = $1`, [unit.unitId, unit.effectiveFrom, unit.intoUnitId]);
  },
  [UnitEventTypes.split]: async (tx, event) => {
    const unit = data<UnitSplitV1>(event);
    await tx.query(`UPDATE report_units_v1 SET status = 'split', effective_to = $2, successor_ids = $3::uuid[] WHERE unit_id = $1`, [unit.unitId, unit.effectiveFrom, unit.intoUnitIds]);
  },
  [UnitEventTypes.dissolved]: async (tx, event) => {
    const unit = data<UnitDissolvedV1>(event);
    await tx.query(`UPDATE report_units_v1 SET status = 'dissolved', effective_to = $2 WHERE unit_id = $1`, [unit.unitId, unit.effectiveFrom]);
  },
  [UnitEventTypes.rated]: async (tx, event) => {
    const rating = data<UnitRatedV1>(event);
    // One current rating per unit and quarter: the highest revision wins, whatever the order.
    await tx.query(
      `INSERT INTO unit_ratings_v1 (unit_id, quarter, revision, rating, path, assessed_on, improvement_plan)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (quarter, unit_id) DO UPDATE SET revision = EXCLUDED.revision, rating = EXCLUDED.rating,
         assessed_on = EXCLUDED.assessed_on, improvement_plan = EXCLUDED.improvement_plan
       WHERE unit_ratings_v1.revision < EXCLUDED.revision`,
      [rating.unitId, rating.quarter, rating.revision, rating.rating, rating.path, rating.assessedOn, rating.improvementPlan ? JSON.stringify(rating.improvementPlan) : null],
    );
  },
  [UnitEventTypes.certified]: async (tx, event) => {
    const certificate = data<UnitCertifiedV1>(event);
    await tx.query(
      `INSERT INTO unit_certifications_v1 (unit_id, year, status, path) VALUES ($1, $2, 'granted', $3)
       ON CONFLICT (year, unit_id) DO UPDATE SET status = 'granted'`,
      [certificate.unitId, certificate.year, certificate.path],
    );
  },
  [UnitEventTypes.certificationRevoked]: async (tx, event) => {
    const revoked = data<UnitCertificationRevokedV1>(event);
    await tx.query(`UPDATE unit_certifications_v1 SET status = 'revoked' WHERE unit_id = $1 AND year = $2`, [revoked.unitId, revoked.year]);
  },
  [UnitEventTypes.hotspotDesignated]: async (tx, event) => {
    const hotspot = data<UnitHotspotDesignatedV1>(event);
    await tx.query(`INSERT INTO hotspots_v1 (event_id, unit_id, path, reason, from_quarter, to_quarter) VALUES ($1, $2, $3, $4, $5, $6)`, [
      event.id,
      hotspot.unitId,
      hotspot.path,
      hotspot.reason,
      hotspot.fromQuarter,
      hotspot.toQuarter,
    ]);
  },
  [UnitEventTypes.pilotDesignated]: async (tx, event) => {
    const pilot = data<UnitPilotDesignatedV1>(event);
    await tx.query(
      `INSERT INTO pilot_units_v1 (district_id, year, pilot_unit_id, district_path, pilot_path) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [pilot.unitId, pilot.year, pilot.pilotUnitId, pilot.path, pilot.pilotPath],
    );
  },
  [UnitEventTypes.forceRegistered]: async (tx, event) => {
    const force = data<UnitForceRegisteredV1>(event);
    await tx.query(`INSERT INTO forces_v1 (force_id, unit_id, path, force_type, headcount) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
      force.forceId,
      force.unitId,
      force.path,
      force.forceType,
      force.headcount,
    ]);
  },
  [UnitEventTypes.trainingRecorded]: async (tx, event) => {
    const session = data<UnitTrainingRecordedV1>(event);
    await tx.query(
      `INSERT INTO training_v1 (session_id, unit_id, path, force_type, quarter, trainees, hours) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [session.sessionId, session.unitId, session.path, session.forceType, quarterOfDate(session.startsOn), session.trainees, session.hours],
    );
  },
  [ModelEventTypes.registered]: (tx, event) => {
    const model = data<ModelRegisteredV1>(event);
    return milestone(tx, event, model.modelId, model.sourceModelId ? 'replicated-in' : 'registered', model.startedOn, model.path, model.unitId);
  },
  [ModelEventTypes.reviewed]: (tx, event) => {
    const review = data<ModelReviewedV1>(event);
    return milestone(tx, event, review.modelId, review.kind === 'final' ? 'final-review' : 'interim-review', review.reviewedOn, review.path, review.unitId);
  },
  [ModelEventTypes.recognisedAdvanced]: (tx, event) => {
    const recognition = data<ModelRecognisedAdvancedV1>(event);
    return milestone(tx, event, recognition.modelId, 'advanced', recognition.recognisedOn, recognition.path, recognition.unitId);
  },
  [ModelEventTypes.replicated]: (tx, event) => {
    const replication = data<ModelReplicatedV1>(event);
    return milestone(tx, event, replication.modelId, 'replicated-out', replication.replicatedOn, replication.path, replication.unitId);
  },
};

async function rememberPath(tx: EntityManager, path: string, unitId: string): Promise<void> {
  await tx.query(`INSERT INTO unit_paths_v1 (path, unit_id) VALUES ($1, $2) ON CONFLICT (path) DO UPDATE SET unit_id = EXCLUDED.unit_id`, [path, unitId]);
}

async function milestone(tx: EntityManager, event: EventEnvelope, modelId: string, kind: string, date: string, path: string, unitId: string): Promise<void> {
  await tx.query(`INSERT INTO model_milestones_v1 (event_id, model_id, milestone, quarter, path, unit_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
    event.id,
    modelId,
    kind,
    quarterOfDate(date),
    path,
    unitId,
  ]);
}

/**
 * The movement's scorecard (clauses 1, 3, 4): the unit directory with lineage, ratings,
 * certification, hotspots, pilots, models, forces and training, each row under the
 * unit's path at the time of its event.
 */
@Injectable()
@ProjectionHandler({ ...MOVEMENT_PROJECTION, topics: ['unit', 'model'], eventTypes: Object.keys(appliers) })
export class MovementProjection implements Projection {
  async apply(events: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    for (const event of events) await appliers[event.type]!(tx, event);
  }
}
