import { Injectable } from '@nestjs/common';
import { CommandPipeline, requireExpectedVersion, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea, requireInArea } from '@binh-yen/auth';
import { IncidentEventTypes, type IncidentTransferredV1 } from '@binh-yen/contracts';
import { ProblemException, problemType } from '@binh-yen/http';
import { IncidentRuleViolation, TERMINAL_STATUSES } from '@binh-yen/incidents-domain';
import { UnitResolver } from '@binh-yen/unit-directory';
import type { TransferIncidentDto } from './dto/incident-commands.dto';
import { incidentEvent } from './incident-events';
import { toView, type IncidentView } from './incident-row';
import { incidentNotFound, IncidentsRepository } from './incidents.repository';
import { currentUnitOf } from './current-unit';

/**
 * Moves a case to another unit's jurisdiction: the caller's area must hold both
 * units; the status is unchanged; counts by area move with `incident.transferred`.
 */
@Injectable()
export class TransferIncidentUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly incidents: IncidentsRepository,
    private readonly units: UnitResolver,
  ) {}

  async execute(id: string, input: TransferIncidentDto, context: CommandContext): Promise<IncidentView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'transfer-incident', request: { id, ...input } }, context, async (tx) => {
      const row = await this.incidents.lockById(tx, id);
      const from = requireInArea(await currentUnitOf(tx, this.units, row), (unit) => unit.path, caller, () => incidentNotFound(id));
      requireExpectedVersion(context, row.version);
      if (TERMINAL_STATUSES.includes(row.status)) {
        throw new ProblemException({
          type: problemType('incident-case-finished'),
          title: 'Hồ sơ đã kết thúc (Case finished)',
          status: 409,
          detail: `A case that is ${row.status} is not transferred; it stays with the unit that finished it.`,
        });
      }
      const to = await this.units.activeUnit(tx, input.toUnitCode, 'toUnitCode');
      if (to.unitId === from.unitId) throw new IncidentRuleViolation('toUnitCode', 'same-unit', `the case already belongs to ${to.code} (${to.name}).`);
      assertInArea(caller, to.path);
      const version = row.version + 1;
      await tx.query(`UPDATE incidents SET unit_id = $2, unit_code = $3, area = $4, version = $5, updated_at = $6 WHERE id = $1`, [row.id, to.unitId, to.code, to.path, version, now]);
      const note = input.note?.normalize('NFC').trim() || null;
      await this.incidents.recordHistory(
        tx,
        caller,
        { incidentId: row.id, sequence: version, action: 'transfer', fromStatus: row.status, toStatus: row.status, note, details: { fromUnitCode: from.code, toUnitCode: to.code }, takenAt: now },
        now,
      );
      const audit: AuditEntry = { action: 'incident.transfer', entityType: 'incident', entityId: row.id, area: to.path, before: { unitCode: from.code, area: from.path, version: row.version }, after: { unitCode: to.code, area: to.path, version, note } };
      const events = [
        incidentEvent<IncidentTransferredV1>(row.id, IncidentEventTypes.transferred, 1, version, to.path, caller, {
          incidentId: row.id,
          category: row.category,
          domain: row.domain,
          occurredAt: new Date(row.occurred_at).toISOString(),
          status: row.status,
          fromUnitId: from.unitId,
          fromUnitCode: from.code,
          // Where reports counted it (its path when reported or last transferred), so counts move from there.
          fromArea: row.area,
          toUnitId: to.unitId,
          toUnitCode: to.code,
          toArea: to.path,
        }, now),
      ];
      return { view: toView(await this.incidents.requireById(tx, row.id)), audit, events };
    });
  }
}
