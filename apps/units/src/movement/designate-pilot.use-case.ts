import { ApiProperty } from '@nestjs/swagger';
import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { UnitEventTypes, type UnitPilotDesignatedV1 } from '@binh-yen/contracts';
import { checkPilotDesignation } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { toNode } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import type { DesignatePilotDto } from './dto/movement.dto';

/** Clause 3: each district-level unit pilots one or two grassroots units a year (chỉ đạo điểm). */
/** A district-level unit's pilots for a year, after the designation. */
export class PilotDesignationView {
  @ApiProperty({ example: '25.227' }) districtCode!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: [String], example: ['25.227.08'] }) pilotUnitCodes!: string[];
}

@Injectable()
export class DesignatePilotUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
  ) {}

  async execute(code: string, input: DesignatePilotDto, context: CommandContext): Promise<PilotDesignationView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'designate-pilot', request: { code, ...input } }, context, async (tx) => {
      // Locking the district serialises designations, so two at once cannot make a third.
      const district = await this.units.requireByCode(tx, code, true);
      const pilot = await this.units.requireByCode(tx, input.pilotUnitCode);
      assertInArea(caller, district.path);
      const existing: { pilot_unit_id: string }[] = await tx.query(`SELECT pilot_unit_id FROM pilot_units WHERE district_id = $1 AND year = $2`, [district.id, input.year]);
      checkPilotDesignation(toNode(district), toNode(pilot), existing.map((row) => row.pilot_unit_id));
      await tx.query(`INSERT INTO pilot_units (district_id, year, pilot_unit_id) VALUES ($1, $2, $3)`, [district.id, input.year, pilot.id]);
      const sequence = await this.units.touch(tx, district.id);
      const audit: AuditEntry = { action: 'unit.designate', entityType: 'unit', entityId: district.id, area: district.path, before: { pilots: existing.length }, after: { year: input.year, pilot: pilot.code } };
      const events = [
        unitEvent<UnitPilotDesignatedV1>(district.id, UnitEventTypes.pilotDesignated, sequence, district.path, caller, {
          unitId: district.id,
          code: district.code,
          path: district.path,
          year: input.year,
          pilotUnitId: pilot.id,
          pilotCode: pilot.code,
          pilotPath: pilot.path,
        }, now),
      ];
      const codes: { code: string }[] = await tx.query(
        `SELECT u.code FROM pilot_units p JOIN units u ON u.id = p.pilot_unit_id WHERE p.district_id = $1 AND p.year = $2 ORDER BY u.code`,
        [district.id, input.year],
      );
      return { view: { districtCode: district.code, year: input.year, pilotUnitCodes: codes.map((row) => row.code) }, audit, events };
    });
  }
}
