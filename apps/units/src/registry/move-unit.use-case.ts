import { Injectable } from '@nestjs/common';
import { checkExpectedVersion, CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { checkMove, UnitRuleViolation } from '@binh-yen/units-domain';
import { toNode, toView, type UnitView } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import type { MoveUnitDto } from './dto/reorganise.dto';
import { SubtreeMover } from './subtree-mover';

@Injectable()
export class MoveUnitUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
    private readonly mover: SubtreeMover,
  ) {}

  async execute(code: string, input: MoveUnitDto, context: CommandContext): Promise<UnitView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'move-unit', request: { code, ...input } }, context, async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      const newParent = await this.units.requireByCode(tx, input.newParentCode, true);
      assertInArea(caller, unit.path);
      assertInArea(caller, newParent.path);
      checkExpectedVersion(context, unit.version);
      if (unit.status !== 'active') throw new UnitRuleViolation('code', 'not-active', `${code} is ${unit.status}; only active units move`);
      checkMove(toNode(unit), toNode(newParent));
      if (unit.parent_id === newParent.id) throw new UnitRuleViolation('newParentCode', 'same-parent', `${code} already sits under ${newParent.code}`);
      const moved = await this.mover.move(tx, unit, newParent, input.effectiveFrom, caller, now);
      const audit: AuditEntry = { action: 'unit.reorganise', entityType: 'unit', entityId: unit.id, area: unit.path, before: { parent: unit.parent_id, path: unit.path }, after: { parent: newParent.id, path: moved[0]!.data.path, subtree: moved.length } };
      const events = moved;
      return { view: toView(await this.units.requireById(tx, unit.id)), audit, events };
    });
  }
}
