import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { UnitEventTypes, type EventEnvelope, type UnitSplitV1 } from '@binh-yen/contracts';
import { checkSplit } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { toNode, toView, type UnitView } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import type { SplitUnitDto } from './dto/reorganise.dto';
import { insertUnit } from './insert-unit';
import { SubtreeMover } from './subtree-mover';
import { normaliseLine } from '@binh-yen/shared-kernel';

/** Splits one unit into new ones beside it; every active child must go to one part. */
@Injectable()
export class SplitUnitUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
    private readonly mover: SubtreeMover,
  ) {}

  async execute(code: string, input: SplitUnitDto, context: CommandContext): Promise<UnitView[]> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'split-unit', request: { code, ...input } }, context, async (tx) => {
      const source = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, source.path);
      const children = await this.units.activeChildren(tx, source.id);
      checkSplit(toNode(source), children.map((row) => row.code), input.parts);
      const parent = source.parent_id ? await this.units.requireById(tx, source.parent_id, true) : null;

      const events: EventEnvelope[] = [];
      const partIds: string[] = [];
      for (const part of input.parts) {
        const path = parent ? `${parent.path}.${part.code}` : part.code;
        const registered = await insertUnit(
          tx,
          { code: part.code, name: normaliseLine(part.name), kind: source.kind, subkind: part.subkind, parentId: parent?.id ?? null, path, effectiveFrom: input.effectiveFrom, predecessorIds: [source.id] },
          caller,
          now,
        );
        events.push(registered);
        partIds.push(registered.data.unitId);
        await tx.query(`INSERT INTO unit_lineage (predecessor_id, successor_id, change, effective_from) VALUES ($1, $2, 'split', $3)`, [
          source.id,
          registered.data.unitId,
          input.effectiveFrom,
        ]);
        const newParent = await this.units.requireById(tx, registered.data.unitId, true);
        for (const child of children.filter((row) => part.childCodes.includes(row.code))) {
          events.push(...(await this.mover.move(tx, child, newParent, input.effectiveFrom, caller, now, source.id)));
        }
      }
      await tx.query(`UPDATE units SET status = 'split', effective_to = $2 WHERE id = $1`, [source.id, input.effectiveFrom]);
      const sequence = await this.units.touch(tx, source.id);
      events.push(
        unitEvent<UnitSplitV1>(source.id, UnitEventTypes.split, sequence, source.path, caller, {
          unitId: source.id,
          code: source.code,
          path: source.path,
          intoUnitIds: partIds,
          effectiveFrom: input.effectiveFrom,
        }, now),
      );
      const audit: AuditEntry = { action: 'unit.reorganise', entityType: 'unit', entityId: source.id, area: source.path, before: { code: source.code, status: source.status }, after: { splitInto: input.parts.map((part) => part.code), effectiveFrom: input.effectiveFrom } };
      
      const parts = [];
      for (const id of partIds) parts.push(toView(await this.units.requireById(tx, id)));
      return { view: parts, audit, events };
    });
  }
}
