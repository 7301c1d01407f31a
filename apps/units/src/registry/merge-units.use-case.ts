import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { UnitEventTypes, type EventEnvelope, type UnitMergedV1 } from '@binh-yen/contracts';
import { checkMerge } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { toNode, toView, type UnitView } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import type { MergeUnitsDto } from './dto/reorganise.dto';
import { SubtreeMover } from './subtree-mover';

/**
 * Merges units into one (e.g. two communes into one): the children of each merged
 * unit move under the target, the merged units are kept with status "merged" and
 * lineage rows point to their successor. Nothing is deleted.
 */
@Injectable()
export class MergeUnitsUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
    private readonly mover: SubtreeMover,
  ) {}

  async execute(input: MergeUnitsDto, context: CommandContext): Promise<UnitView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'merge-units', request: input }, context, async (tx) => {
      const target = await this.units.requireByCode(tx, input.targetCode, true);
      const sources = [];
      for (const code of [...new Set(input.sourceCodes)].sort()) sources.push(await this.units.requireByCode(tx, code, true));
      for (const unit of [target, ...sources]) assertInArea(caller, unit.path);
      checkMerge(sources.map(toNode), toNode(target));
      const events: EventEnvelope[] = [];
      for (const source of sources) {
        for (const child of await this.units.activeChildren(tx, source.id)) {
          events.push(...(await this.mover.move(tx, child, target, input.effectiveFrom, caller, now, source.id)));
        }
        await tx.query(`UPDATE units SET status = 'merged', effective_to = $2 WHERE id = $1`, [source.id, input.effectiveFrom]);
        await tx.query(`INSERT INTO unit_lineage (predecessor_id, successor_id, change, effective_from) VALUES ($1, $2, 'merge', $3)`, [
          source.id,
          target.id,
          input.effectiveFrom,
        ]);
        const sequence = await this.units.touch(tx, source.id);
        events.push(
          unitEvent<UnitMergedV1>(source.id, UnitEventTypes.merged, sequence, source.path, caller, {
            unitId: source.id,
            code: source.code,
            path: source.path,
            intoUnitId: target.id,
            effectiveFrom: input.effectiveFrom,
          }, now),
        );
      }
      const audit: AuditEntry = { action: 'unit.reorganise', entityType: 'unit', entityId: target.id, area: target.path, before: { merged: sources.map((s) => ({ code: s.code, path: s.path, status: s.status })) }, after: { mergedInto: target.code, effectiveFrom: input.effectiveFrom } };
      
      return { view: toView(await this.units.requireById(tx, target.id)), audit, events };
    });
  }
}
