import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { UnitEventTypes, type UnitRatedV1 } from '@binh-yen/contracts';
import { checkRating, MovementRatings } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { UnitsRepository } from '../shared/units.repository';
import type { RateUnitDto } from './dto/movement.dto';

export class RatingView {
  @ApiProperty({ example: '25.227.08' }) unitCode!: string;
  @ApiProperty({ example: '2026-Q3' }) quarter!: string;
  @ApiProperty({ description: '1 for the first rating of the quarter, then one more per revision' }) revision!: number;
  @ApiProperty({ enum: MovementRatings }) rating!: string;
}

/** One current rating per unit and quarter; a new one is the next revision, the old ones stay. */
@Injectable()
export class RateUnitUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
  ) {}

  async execute(code: string, quarter: string, input: RateUnitDto, context: CommandContext): Promise<RatingView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'rate-unit', request: { code, quarter, ...input } }, context, async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, unit.path);
      checkRating({ unitStatus: unit.status, quarter, rating: input.rating, improvementPlan: input.improvementPlan ?? null }, now);
      const rows: { revision: number }[] = await tx.query(
        `SELECT coalesce(max(revision), 0) + 1 AS revision FROM unit_ratings WHERE unit_id = $1 AND quarter = $2`,
        [unit.id, quarter],
      );
      const revision = rows[0]!.revision;
      const plan = input.rating === 'weak' && input.improvementPlan ? { ...input.improvementPlan, actions: input.improvementPlan.actions.map((a) => a.normalize('NFC')) } : null;
      await tx.query(
        `INSERT INTO unit_ratings (unit_id, quarter, revision, rating, assessor, assessed_on, justification, improvement_plan, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
        [unit.id, quarter, revision, input.rating, input.assessor.normalize('NFC'), input.assessedOn, input.justification.normalize('NFC'), plan ? JSON.stringify(plan) : null, caller.subject],
      );
      const sequence = await this.units.touch(tx, unit.id);
      const audit: AuditEntry = { action: 'unit.rate', entityType: 'unit', entityId: unit.id, area: unit.path, before: revision > 1 ? { quarter, revision: revision - 1 } : null, after: { quarter, revision, rating: input.rating, improvementPlan: plan } };
      const events = [
        unitEvent<UnitRatedV1>(unit.id, UnitEventTypes.rated, sequence, unit.path, caller, {
          unitId: unit.id,
          code: unit.code,
          path: unit.path,
          quarter,
          rating: input.rating,
          revision,
          assessor: input.assessor.normalize('NFC'),
          assessedOn: input.assessedOn,
          justification: input.justification.normalize('NFC'),
          improvementPlan: plan,
        }, now),
      ];
      return { view: { unitCode: unit.code, quarter, revision, rating: input.rating }, audit, events };
    });
  }
}
