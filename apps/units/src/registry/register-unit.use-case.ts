import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { checkKindAndSubkind, checkParent, childPath } from '@binh-yen/units-domain';
import { toNode, toView, type UnitView } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import type { RegisterUnitDto } from './dto/register-unit.dto';
import { insertUnit } from './insert-unit';
import { normaliseLine } from '@binh-yen/shared-kernel';

@Injectable()
export class RegisterUnitUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
  ) {}

  async execute(input: RegisterUnitDto, context: CommandContext): Promise<UnitView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'register-unit', request: input }, context, async (tx) => {
      checkKindAndSubkind(input.kind, input.subkind);
      const parent = input.parentCode ? await this.units.requireByCode(tx, input.parentCode, true) : null;
      checkParent(input.kind, parent ? toNode(parent) : null);
      const path = childPath(parent ? toNode(parent) : null, input.code);
      assertInArea(caller, path);
      const event = await insertUnit(
        tx,
        { code: input.code, name: normaliseLine(input.name), kind: input.kind, subkind: input.subkind, parentId: parent?.id ?? null, path, effectiveFrom: input.effectiveFrom, predecessorIds: [] },
        caller,
        now,
      );
      const audit: AuditEntry = { action: 'unit.register', entityType: 'unit', entityId: event.data.unitId, area: path, before: null, after: event.data };
      const events = [event];
      return { view: toView(await this.units.requireById(tx, event.data.unitId)), audit, events };
    });
  }
}
