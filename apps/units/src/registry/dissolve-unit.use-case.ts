import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@binh-yen/audit';
import { assertInArea, type Caller } from '@binh-yen/auth';
import { UnitEventTypes, type UnitDissolvedV1 } from '@binh-yen/contracts';
import { staleVersion } from '@binh-yen/http';
import { fingerprintOf, IdempotencyService } from '@binh-yen/idempotency';
import { OutboxWriter } from '@binh-yen/messaging';
import { UnitRuleViolation } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { toView, type UnitView } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import type { DissolveUnitDto } from './dto/reorganise.dto';

@Injectable()
export class DissolveUnitUseCase {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly units: UnitsRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async execute(code: string, input: DissolveUnitDto, caller: Caller, expectedVersion?: number, idempotencyKey?: string, now = new Date()): Promise<UnitView> {
    const { result } = await this.idempotency.run(idempotencyKey, { command: 'dissolve-unit', caller }, fingerprintOf({ code, ...input }), async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, unit.path);
      if (expectedVersion !== undefined && expectedVersion !== unit.version) throw staleVersion(unit.version, expectedVersion);
      if (unit.status !== 'active') throw new UnitRuleViolation('code', 'not-active', `${code} is already ${unit.status}`, 409);
      const children = await this.units.activeChildren(tx, unit.id);
      if (children.length > 0) {
        throw new UnitRuleViolation('code', 'has-children', `${code} still has ${children.length} active units under it; move or merge them first`, 409);
      }
      await tx.query(`UPDATE units SET status = 'dissolved', effective_to = $2 WHERE id = $1`, [unit.id, input.effectiveFrom]);
      const sequence = await this.units.touch(tx, unit.id);
      await this.audit.record(tx, caller, { action: 'unit.reorganise', entityType: 'unit', entityId: unit.id, area: unit.path, before: { status: unit.status }, after: { status: 'dissolved', reason: input.reason, effectiveFrom: input.effectiveFrom } }, now);
      await this.outbox.append(tx, [
        unitEvent<UnitDissolvedV1>(unit.id, UnitEventTypes.dissolved, sequence, unit.path, caller, {
          unitId: unit.id,
          code: unit.code,
          path: unit.path,
          reason: input.reason.normalize('NFC'),
          effectiveFrom: input.effectiveFrom,
        }, now),
      ]);
      return toView(await this.units.requireById(tx, unit.id));
    });
    return result;
  }
}
