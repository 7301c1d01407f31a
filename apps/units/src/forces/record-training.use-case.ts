import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { UnitEventTypes, uuidv7, type UnitTrainingRecordedV1 } from '@binh-yen/contracts';
import { checkTrainingSession } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { UnitsRepository } from '../shared/units.repository';
import type { RecordTrainingDto } from './dto/forces.dto';
import { RecordedInUnit } from '../shared/recorded-in-unit';

/** Clause 4: train, refresh and drill the core forces. */
@Injectable()
export class RecordTrainingUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
  ) {}

  async execute(code: string, input: RecordTrainingDto, context: CommandContext): Promise<RecordedInUnit> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'record-training', request: { code, ...input } }, context, async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, unit.path);
      checkTrainingSession(input);
      const id = uuidv7(now.getTime());
      const course = input.course.normalize('NFC');
      await tx.query(
        `INSERT INTO training_sessions (id, unit_id, force_type, course, starts_on, ends_on, trainees, hours) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, unit.id, input.forceType, course, input.startsOn, input.endsOn, input.trainees, input.hours],
      );
      const sequence = await this.units.touch(tx, unit.id);
      const audit: AuditEntry = { action: 'unit.forces', entityType: 'unit', entityId: unit.id, area: unit.path, before: null, after: { session: id, course, trainees: input.trainees, hours: input.hours } };
      const events = [
        unitEvent<UnitTrainingRecordedV1>(unit.id, UnitEventTypes.trainingRecorded, sequence, unit.path, caller, {
          unitId: unit.id,
          code,
          path: unit.path,
          sessionId: id,
          course,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          forceType: input.forceType,
          trainees: input.trainees,
          hours: input.hours,
        }, now),
      ];
      return { view: { id, unitCode: code }, audit, events };
    });
  }
}
