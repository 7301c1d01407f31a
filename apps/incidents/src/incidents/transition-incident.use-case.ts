import { Injectable } from '@nestjs/common';
import { CommandPipeline, requireExpectedVersion, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { requireInArea } from '@binh-yen/auth';
import type { IncidentClosedV1, IncidentStatusChangedV1, IncidentTriedV1 } from '@binh-yen/contracts';
import { completedStage, decideTransition, stepDate, type CaseStatus } from '@binh-yen/incidents-domain';
import { UnitResolver } from '@binh-yen/unit-directory';
import type { TransitionIncidentDto } from './dto/incident-commands.dto';
import { incidentEvent } from './incident-events';
import { currentUnitOf } from './current-unit';
import { toView, type IncidentView } from './incident-row';
import { incidentNotFound, IncidentsRepository } from './incidents.repository';

/** The column that keeps when the case entered a status (for stage durations). */
const MILESTONE_COLUMN: Partial<Record<CaseStatus, string>> = {
  verified: 'verified_at',
  'referred-to-procuracy': 'referred_at',
  indicted: 'indicted_at',
  tried: 'tried_at',
  closed: 'closed_at',
};

/**
 * One step of the case lifecycle, as the state machine of the domain library
 * decides it: the right status, the right agency, what the step needs, and the
 * date it was taken (now unless given; ADR 0028). A refusal changes nothing (the
 * transaction rolls back before anything is written).
 */
@Injectable()
export class TransitionIncidentUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly incidents: IncidentsRepository,
    private readonly units: UnitResolver,
  ) {}

  async execute(id: string, input: TransitionIncidentDto, context: CommandContext): Promise<IncidentView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'transition-incident', request: { id, ...input } }, context, async (tx) => {
      const row = await this.incidents.lockById(tx, id);
      const unit = requireInArea(await currentUnitOf(tx, this.units, row), (current) => current.path, caller, () => incidentNotFound(id));
      requireExpectedVersion(context, row.version);
      const decided = decideTransition(row.status, { action: input.action, agency: caller.agency, reason: input.reason, verdict: input.verdict, sentenceSummary: input.sentenceSummary });
      const { transition } = decided;
      // The step's own date (a verdict keyed in days later), checked against the step before it.
      const takenAt = stepDate(input.takenAt === undefined ? undefined : new Date(input.takenAt), await this.incidents.lastStep(tx, row.id), now);
      const stage = completedStage(transition.to, { reportedAt: row.reported_at, verifiedAt: row.verified_at, referredAt: row.referred_at, indictedAt: row.indicted_at }, takenAt);
      const version = row.version + 1;
      const milestone = MILESTONE_COLUMN[transition.to];
      await tx.query(
        `UPDATE incidents SET status = $2, version = $3, updated_at = $4, close_reason = COALESCE($5, close_reason), verdict = COALESCE($6, verdict),
           sentence_summary = COALESCE($7, sentence_summary)${milestone ? `, ${milestone} = $8` : ''}
         WHERE id = $1`,
        [row.id, transition.to, version, now, decided.reason, decided.verdict, decided.sentenceSummary, ...(milestone ? [takenAt] : [])],
      );
      const note = input.note?.normalize('NFC').trim() || null;
      await this.incidents.recordHistory(
        tx,
        caller,
        {
          incidentId: row.id,
          sequence: version,
          action: transition.action,
          fromStatus: row.status,
          toStatus: transition.to,
          note,
          details: {
            ...(decided.reason ? { reason: decided.reason } : {}),
            ...(decided.verdict ? { verdict: decided.verdict, sentenceSummary: decided.sentenceSummary } : {}),
            ...(stage ? { stage: stage.stage, seconds: stage.seconds } : {}),
          },
          takenAt,
        },
        now,
      );
      const after = await this.incidents.requireById(tx, row.id);
      const audit: AuditEntry = { action: 'incident.transition', entityType: 'incident', entityId: row.id, area: unit.path, before: { status: row.status, version: row.version }, after: { status: transition.to, version, action: transition.action, note, takenAt: takenAt.toISOString() } };
      const data: IncidentStatusChangedV1 = {
        incidentId: row.id,
        unitId: unit.unitId,
        unitCode: unit.code,
        category: row.category,
        domain: row.domain,
        occurredAt: new Date(row.occurred_at).toISOString(),
        action: transition.action,
        fromStatus: row.status,
        toStatus: transition.to,
        agency: caller.agency,
        takenAt: takenAt.toISOString(),
        stage: stage ? { stage: stage.stage, startedAt: new Date(stage.startedAt).toISOString(), endedAt: stage.endedAt.toISOString(), seconds: stage.seconds } : null,
      };
      const payload: IncidentStatusChangedV1 | IncidentClosedV1 | IncidentTriedV1 =
        transition.to === 'closed'
          ? { ...data, reason: decided.reason! }
          : transition.to === 'tried'
            ? { ...data, verdict: decided.verdict!, sentenceSummary: decided.sentenceSummary }
            : data;
      const events = [incidentEvent(row.id, transition.event, 1, version, unit.path, caller, payload, now)];
      return { view: toView(after), audit, events };
    });
  }
}
