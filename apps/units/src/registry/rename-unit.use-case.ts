import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@binh-yen/audit';
import { assertInArea, type Caller } from '@binh-yen/auth';
import { UnitEventTypes, type UnitRenamedV1 } from '@binh-yen/contracts';
import { staleVersion } from '@binh-yen/http';
import { fingerprintOf, IdempotencyService } from '@binh-yen/idempotency';
import { OutboxWriter } from '@binh-yen/messaging';
import { foldForSearch, normaliseName, UnitRuleViolation } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { toView, type UnitView } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import type { RenameUnitDto } from './dto/reorganise.dto';

@Injectable()
export class RenameUnitUseCase {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly units: UnitsRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async execute(code: string, input: RenameUnitDto, caller: Caller, expectedVersion?: number, idempotencyKey?: string, now = new Date()): Promise<UnitView> {
    const { result } = await this.idempotency.run(idempotencyKey, { command: 'rename-unit', caller }, fingerprintOf({ code, ...input }), async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, unit.path);
      if (expectedVersion !== undefined && expectedVersion !== unit.version) throw staleVersion(unit.version, expectedVersion);
      if (unit.status !== 'active') throw new UnitRuleViolation('code', 'not-active', `${code} is ${unit.status}; only active units are renamed`);
      const name = normaliseName(input.name);
      await tx.query(`UPDATE units SET name = $2, name_search = $3 WHERE id = $1`, [unit.id, name, foldForSearch(name)]);
      const sequence = await this.units.touch(tx, unit.id);
      await this.audit.record(tx, caller, { action: 'unit.reorganise', entityType: 'unit', entityId: unit.id, area: unit.path, before: { name: unit.name }, after: { name } }, now);
      await this.outbox.append(tx, [
        unitEvent<UnitRenamedV1>(unit.id, UnitEventTypes.renamed, sequence, unit.path, caller, {
          unitId: unit.id,
          code: unit.code,
          name,
          previousName: unit.name,
          path: unit.path,
          effectiveFrom: input.effectiveFrom,
        }, now),
      ]);
      return toView(await this.units.requireById(tx, unit.id));
    });
    return result;
  }
}
