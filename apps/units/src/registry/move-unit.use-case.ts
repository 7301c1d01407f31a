import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@binh-yen/audit';
import { assertInArea, type Caller } from '@binh-yen/auth';
import { staleVersion } from '@binh-yen/http';
import { fingerprintOf, IdempotencyService } from '@binh-yen/idempotency';
import { OutboxWriter } from '@binh-yen/messaging';
import { checkMove, UnitRuleViolation } from '@binh-yen/units-domain';
import { toNode, toView, type UnitView } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import type { MoveUnitDto } from './dto/reorganise.dto';
import { SubtreeMover } from './subtree-mover';

@Injectable()
export class MoveUnitUseCase {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly units: UnitsRepository,
    private readonly mover: SubtreeMover,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async execute(code: string, input: MoveUnitDto, caller: Caller, expectedVersion?: number, idempotencyKey?: string, now = new Date()): Promise<UnitView> {
    const { result } = await this.idempotency.run(idempotencyKey, { command: 'move-unit', caller }, fingerprintOf({ code, ...input }), async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      const newParent = await this.units.requireByCode(tx, input.newParentCode, true);
      assertInArea(caller, unit.path);
      assertInArea(caller, newParent.path);
      if (expectedVersion !== undefined && expectedVersion !== unit.version) throw staleVersion(unit.version, expectedVersion);
      if (unit.status !== 'active') throw new UnitRuleViolation('code', 'not-active', `${code} is ${unit.status}; only active units move`);
      checkMove(toNode(unit), toNode(newParent));
      if (unit.parent_id === newParent.id) throw new UnitRuleViolation('newParentCode', 'same-parent', `${code} already sits under ${newParent.code}`);
      const moved = await this.mover.move(tx, unit, newParent, input.effectiveFrom, caller, now);
      await this.audit.record(tx, caller, { action: 'unit.reorganise', entityType: 'unit', entityId: unit.id, area: unit.path, before: { parent: unit.parent_id, path: unit.path }, after: { parent: newParent.id, path: moved[0]!.data.path, subtree: moved.length } }, now);
      await this.outbox.append(tx, moved);
      return toView(await this.units.requireById(tx, unit.id));
    });
    return result;
  }
}
