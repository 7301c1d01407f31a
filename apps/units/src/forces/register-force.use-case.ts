import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@binh-yen/audit';
import { assertInArea, type Caller } from '@binh-yen/auth';
import { UnitEventTypes, uuidv7, type UnitForceRegisteredV1 } from '@binh-yen/contracts';
import { fingerprintOf, IdempotencyService } from '@binh-yen/idempotency';
import { OutboxWriter } from '@binh-yen/messaging';
import { normaliseName, UnitRuleViolation } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { UnitsRepository } from '../shared/units.repository';
import type { RegisterForceDto } from './dto/forces.dto';

/** Clause 4: a team of commune police, neighbourhood guards, agency/enterprise guards or a mass security team. */
@Injectable()
export class RegisterForceUseCase {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly units: UnitsRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async execute(code: string, input: RegisterForceDto, caller: Caller, idempotencyKey?: string, now = new Date()): Promise<{ id: string; unitCode: string }> {
    const { result } = await this.idempotency.run(idempotencyKey, { command: 'register-force', caller }, fingerprintOf({ code, ...input }), async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, unit.path);
      if (unit.status !== 'active') throw new UnitRuleViolation('code', 'not-active', `${code} is ${unit.status}`);
      const id = uuidv7(now.getTime());
      const name = normaliseName(input.name);
      const leader = normaliseName(input.leader);
      await tx.query(`INSERT INTO forces (id, unit_id, force_type, name, headcount, leader) VALUES ($1, $2, $3, $4, $5, $6)`, [id, unit.id, input.forceType, name, input.headcount, leader]);
      const sequence = await this.units.touch(tx, unit.id);
      await this.audit.record(tx, caller, { action: 'unit.forces', entityType: 'unit', entityId: unit.id, area: unit.path, before: null, after: { force: id, forceType: input.forceType, name, headcount: input.headcount, leader } }, now);
      await this.outbox.append(tx, [
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
      ]);
      return { id, unitCode: code };
    });
    return result;
  }
}
