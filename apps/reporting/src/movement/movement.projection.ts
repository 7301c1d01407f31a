import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ModelEventTypes, Topics, UnitEventTypes, type ModelEvent, type UnitEvent } from '@binh-yen/contracts';
import { EventDispatch, ProjectionContext } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';
import { quarterOfDate } from './date-quarter';

export const MOVEMENT_PROJECTION = { name: 'movement', version: 1 } as const;

type MovementEvent = UnitEvent | ModelEvent;

/** What each event does to the movement's read models (every unit and model event). */
const appliers = new EventDispatch<MovementEvent, [EntityManager]>({
  [UnitEventTypes.registered]: async (event, tx) => {
    const unit = event.data;
    await tx.query(
      `INSERT INTO report_units_v1 (unit_id, code, name, kind, subkind, parent_id, path, status, effective_from, predecessor_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9::uuid[])
       ON CONFLICT (unit_id) DO NOTHING`,
      [unit.unitId, unit.code, unit.name, unit.kind, unit.subkind, unit.parentId, unit.path, unit.effectiveFrom, unit.predecessorIds],
    );
    await rememberPath(tx, unit.path, unit.unitId);
  },
  [UnitEventTypes.renamed]: async (event, tx) => {
    const unit = event.data;
    await tx.query(`UPDATE report_units_v1 SET name = $2 WHERE unit_id = $1`, [unit.unitId, unit.name]);
  },
  [UnitEventTypes.moved]: async (event, tx) => {
    const unit = event.data;
    await tx.query(`UPDATE report_units_v1 SET parent_id = $2, path = $3 WHERE unit_id = $1`, [unit.unitId, unit.parentId, unit.path]);
    await rememberPath(tx, unit.previousPath, unit.unitId);
    await rememberPath(tx, unit.path, unit.unitId);
  },
  [UnitEventTypes.merged]: async (event, tx) => {
    const unit = event.data;
    await tx.query(`UPDATE report_units_v1 SET status = 'merged', effective_to = $2, successor_ids = ARRAY[$3::uuid] WHERE unit_id = $1`, [unit.unitId, unit.effectiveFrom, unit.intoUnitId]);
  },
  [UnitEventTypes.split]: async (event, tx) => {
    const unit = event.data;
    await tx.query(`UPDATE report_units_v1 SET status = 'split', effective_to = $2, successor_ids = $3::uuid[] WHERE unit_id = $1`, [unit.unitId, unit.effectiveFrom, unit.intoUnitIds]);
  },
  [UnitEventTypes.dissolved]: async (event, tx) => {
    const unit = event.data;
    await tx.query(`UPDATE report_units_v1 SET status = 'dissolved', effective_to = $2 WHERE unit_id = $1`, [unit.unitId, unit.effectiveFrom]);
  },
  [UnitEventTypes.rated]: async (event, tx) => {
    const rating = event.data;
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
  [UnitEventTypes.certified]: async (event, tx) => {
    const certificate = event.data;
    await tx.query(
      `INSERT INTO unit_certifications_v1 (unit_id, year, status, path) VALUES ($1, $2, 'granted', $3)
       ON CONFLICT (year, unit_id) DO UPDATE SET status = 'granted'`,
      [certificate.unitId, certificate.year, certificate.path],
    );
  },
  [UnitEventTypes.certificationRevoked]: async (event, tx) => {
    const revoked = event.data;
    await tx.query(`UPDATE unit_certifications_v1 SET status = 'revoked' WHERE unit_id = $1 AND year = $2`, [revoked.unitId, revoked.year]);
  },
  [UnitEventTypes.hotspotDesignated]: async (event, tx) => {
    const hotspot = event.data;
    await tx.query(`INSERT INTO hotspots_v1 (event_id, unit_id, path, reason, from_quarter, to_quarter) VALUES ($1, $2, $3, $4, $5, $6)`, [
      event.id,
      hotspot.unitId,
      hotspot.path,
      hotspot.reason,
      hotspot.fromQuarter,
      hotspot.toQuarter,
    ]);
  },
  [UnitEventTypes.pilotDesignated]: async (event, tx) => {
    const pilot = event.data;
    await tx.query(
      `INSERT INTO pilot_units_v1 (district_id, year, pilot_unit_id, district_path, pilot_path) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [pilot.unitId, pilot.year, pilot.pilotUnitId, pilot.path, pilot.pilotPath],
    );
  },
  [UnitEventTypes.forceRegistered]: async (event, tx) => {
    const force = event.data;
    await tx.query(`INSERT INTO forces_v1 (force_id, unit_id, path, force_type, headcount) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
      force.forceId,
      force.unitId,
      force.path,
      force.forceType,
      force.headcount,
    ]);
  },
  [UnitEventTypes.trainingRecorded]: async (event, tx) => {
    const session = event.data;
    await tx.query(
      `INSERT INTO training_v1 (session_id, unit_id, path, force_type, quarter, trainees, hours) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [session.sessionId, session.unitId, session.path, session.forceType, quarterOfDate(session.startsOn), session.trainees, session.hours],
    );
  },
  [ModelEventTypes.registered]: (event, tx) => {
    const model = event.data;
    return milestone(tx, event, model.modelId, model.sourceModelId ? 'replicated-in' : 'registered', model.startedOn, model.path, model.unitId);
  },
  [ModelEventTypes.reviewed]: (event, tx) => {
    const review = event.data;
    return milestone(tx, event, review.modelId, review.kind === 'final' ? 'final-review' : 'interim-review', review.reviewedOn, review.path, review.unitId);
  },
  [ModelEventTypes.recognisedAdvanced]: (event, tx) => {
    const recognition = event.data;
    return milestone(tx, event, recognition.modelId, 'advanced', recognition.recognisedOn, recognition.path, recognition.unitId);
  },
  [ModelEventTypes.replicated]: (event, tx) => {
    const replication = event.data;
    return milestone(tx, event, replication.modelId, 'replicated-out', replication.replicatedOn, replication.path, replication.unitId);
  },
});

async function rememberPath(tx: EntityManager, path: string, unitId: string): Promise<void> {
  await tx.query(`INSERT INTO unit_paths_v1 (path, unit_id) VALUES ($1, $2) ON CONFLICT (path) DO UPDATE SET unit_id = EXCLUDED.unit_id`, [path, unitId]);
}

async function milestone(tx: EntityManager, event: ModelEvent, modelId: string, kind: string, date: string, path: string, unitId: string): Promise<void> {
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
@Controller()
export class MovementProjection {
  @EventPattern([Topics.unit, Topics.model], { projection: MOVEMENT_PROJECTION.name, version: MOVEMENT_PROJECTION.version, eventTypes: appliers.eventTypes })
  async apply(@Payload() events: readonly MovementEvent[], @Ctx() { manager }: ProjectionContext): Promise<void> {
    for (const event of events) await appliers.apply(event, manager);
  }
}
