import { Injectable } from '@nestjs/common';
import { checkExpectedVersion, CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { UnitEventTypes, type UnitDissolvedV1 } from '@binh-yen/contracts';
import { UnitRuleViolation } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { toView, type UnitView } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import type { DissolveUnitDto } from './dto/reorganise.dto';

@Injectable()
export class DissolveUnitUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
  ) {}

  async execute(code: string, input: DissolveUnitDto, context: CommandContext): Promise<UnitView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'dissolve-unit', request: { code, ...input } }, context, async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, unit.path);
      checkExpectedVersion(context, unit.version);
      if (unit.status !== 'active') throw new UnitRuleViolation('code', 'not-active', `${code} is already ${unit.status}`, 409);
      const children = await this.units.activeChildren(tx, unit.id);
      if (children.length > 0) {
        throw new UnitRuleViolation('code', 'has-children', `${code} still has ${children.length} active units under it; move or merge them first`, 409);
      }
      await tx.query(`UPDATE units SET status = 'dissolved', effective_to = $2 WHERE id = $1`, [unit.id, input.effectiveFrom]);
      const sequence = await this.units.touch(tx, unit.id);
      const audit: AuditEntry = { action: 'unit.reorganise', entityType: 'unit', entityId: unit.id, area: unit.path, before: { status: unit.status }, after: { status: 'dissolved', reason: input.reason, effectiveFrom: input.effectiveFrom } };
      const events = [
        unitEvent<UnitDissolvedV1>(unit.id, UnitEventTypes.dissolved, sequence, unit.path, caller, {
          unitId: unit.id,
          code: unit.code,
          path: unit.path,
          reason: input.reason.normalize('NFC'),
          effectiveFrom: input.effectiveFrom,
        }, now),
      ];
      return { view: toView(await this.units.requireById(tx, unit.id)), audit, events };
    });
  }
}
