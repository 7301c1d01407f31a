import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@binh-yen/audit';
import { assertInArea, type Caller } from '@binh-yen/auth';
import { UnitEventTypes, uuidv7, type UnitTrainingRecordedV1 } from '@binh-yen/contracts';
import { fingerprintOf, IdempotencyService } from '@binh-yen/idempotency';
import { OutboxWriter } from '@binh-yen/messaging';
import { checkTrainingSession } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { UnitsRepository } from '../shared/units.repository';
import type { RecordTrainingDto } from './dto/forces.dto';

/** Clause 4: train, refresh and drill the core forces. */
@Injectable()
export class RecordTrainingUseCase {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly units: UnitsRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async execute(code: string, input: RecordTrainingDto, caller: Caller, idempotencyKey?: string, now = new Date()): Promise<{ id: string; unitCode: string }> {
    const { result } = await this.idempotency.run(idempotencyKey, { command: 'record-training', caller }, fingerprintOf({ code, ...input }), async (tx) => {
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
      await this.audit.record(tx, caller, { action: 'unit.forces', entityType: 'unit', entityId: unit.id, area: unit.path, before: null, after: { session: id, course, trainees: input.trainees, hours: input.hours } }, now);
      await this.outbox.append(tx, [
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
      ]);
      return { id, unitCode: code };
    });
    return result;
  }
}
