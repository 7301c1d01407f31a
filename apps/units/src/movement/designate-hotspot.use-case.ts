import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { UnitEventTypes, uuidv7, type UnitHotspotDesignatedV1 } from '@binh-yen/contracts';
import { compareQuarters, parseQuarter, UnitRuleViolation } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { UnitsRepository } from '../shared/units.repository';
import type { DesignateHotspotDto } from './dto/movement.dto';
import { RecordedInUnit } from '../shared/recorded-in-unit';

/** Clause 3: an area with complicated security and order, for a period of quarters. */
@Injectable()
export class DesignateHotspotUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
  ) {}

  async execute(code: string, input: DesignateHotspotDto, context: CommandContext): Promise<RecordedInUnit> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'designate-hotspot', request: { code, ...input } }, context, async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, unit.path);
      if (unit.status !== 'active') throw new UnitRuleViolation('code', 'not-active', `${code} is ${unit.status}`);
      if (compareQuarters(parseQuarter(input.toQuarter), parseQuarter(input.fromQuarter)) < 0) {
        throw new UnitRuleViolation('toQuarter', 'ends-before-start', 'toQuarter comes before fromQuarter');
      }
      const id = uuidv7(now.getTime());
      const reason = input.reason.normalize('NFC');
      await tx.query(`INSERT INTO hotspots (id, unit_id, reason, from_quarter, to_quarter, designated_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id,
        unit.id,
        reason,
        input.fromQuarter,
        input.toQuarter,
        caller.subject,
      ]);
      const sequence = await this.units.touch(tx, unit.id);
      const audit: AuditEntry = { action: 'unit.designate', entityType: 'unit', entityId: unit.id, area: unit.path, before: null, after: { hotspot: id, reason, fromQuarter: input.fromQuarter, toQuarter: input.toQuarter } };
      const events = [
        unitEvent<UnitHotspotDesignatedV1>(unit.id, UnitEventTypes.hotspotDesignated, sequence, unit.path, caller, {
          unitId: unit.id,
          code,
          path: unit.path,
          reason,
          fromQuarter: input.fromQuarter,
          toQuarter: input.toQuarter,
        }, now),
      ];
      return { view: { id, unitCode: code }, audit, events };
    });
  }
}
