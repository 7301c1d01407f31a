import { Injectable } from '@nestjs/common';
import { checkExpectedVersion, CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { UnitEventTypes, type UnitRenamedV1 } from '@binh-yen/contracts';
import { UnitRuleViolation } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { toView, type UnitView } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import type { RenameUnitDto } from './dto/reorganise.dto';
import { normaliseLine } from '@binh-yen/shared-kernel';

@Injectable()
export class RenameUnitUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
  ) {}

  async execute(code: string, input: RenameUnitDto, context: CommandContext): Promise<UnitView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'rename-unit', request: { code, ...input } }, context, async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, unit.path);
      checkExpectedVersion(context, unit.version);
      if (unit.status !== 'active') throw new UnitRuleViolation('code', 'not-active', `${code} is ${unit.status}; only active units are renamed`);
      const name = normaliseLine(input.name);
      await this.units.rename(tx, unit.id, name);
      const sequence = await this.units.touch(tx, unit.id);
      const audit: AuditEntry = { action: 'unit.reorganise', entityType: 'unit', entityId: unit.id, area: unit.path, before: { name: unit.name }, after: { name } };
      const events = [
        unitEvent<UnitRenamedV1>(unit.id, UnitEventTypes.renamed, sequence, unit.path, caller, {
          unitId: unit.id,
          code: unit.code,
          name,
          previousName: unit.name,
          path: unit.path,
          effectiveFrom: input.effectiveFrom,
        }, now),
      ];
      return { view: toView(await this.units.requireById(tx, unit.id)), audit, events };
    });
  }
}
