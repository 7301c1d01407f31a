import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { UnitEventTypes, uuidv7, type UnitForceRegisteredV1 } from '@binh-yen/contracts';
import { UnitRuleViolation } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { UnitsRepository } from '../shared/units.repository';
import type { RegisterForceDto } from './dto/forces.dto';
import { normaliseLine } from '@binh-yen/shared-kernel';
import { RecordedInUnit } from '../shared/recorded-in-unit';

/** Clause 4: a team of commune police, neighbourhood guards, agency/enterprise guards or a mass security team. */
@Injectable()
export class RegisterForceUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
  ) {}

  async execute(code: string, input: RegisterForceDto, context: CommandContext): Promise<RecordedInUnit> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'register-force', request: { code, ...input } }, context, async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, unit.path);
      if (unit.status !== 'active') throw new UnitRuleViolation('code', 'not-active', `${code} is ${unit.status}`);
      const id = uuidv7(now.getTime());
      const name = normaliseLine(input.name);
      const leader = normaliseLine(input.leader);
      await tx.query(`INSERT INTO forces (id, unit_id, force_type, name, headcount, leader) VALUES ($1, $2, $3, $4, $5, $6)`, [id, unit.id, input.forceType, name, input.headcount, leader]);
      const sequence = await this.units.touch(tx, unit.id);
      const audit: AuditEntry = { action: 'unit.forces', entityType: 'unit', entityId: unit.id, area: unit.path, before: null, after: { force: id, forceType: input.forceType, name, headcount: input.headcount, leader } };
      const events = [
        unitEvent<UnitForceRegisteredV1>(unit.id, UnitEventTypes.forceRegistered, sequence, unit.path, caller, {
          unitId: unit.id,
          code,
          path: unit.path,
          forceId: id,
          forceType: input.forceType,
          name,
          headcount: input.headcount,
          leader,
        }, now),
      ];
      return { view: { id, unitCode: code }, audit, events };
    });
  }
}
