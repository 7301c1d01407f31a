import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { agreementArea, checkAgreement } from '@binh-yen/campaigns-domain';
import { newEvent, AgreementEventTypes, uuidv7, type AgreementSignedV1 } from '@binh-yen/contracts';
import { notFound } from '@binh-yen/http';
import type { AgreementView } from './dto/agreement-views.dto';
import { AgreementsRepository } from './agreements.repository';
import type { RecordAgreementDto } from './dto/record-agreement.dto';
import { normaliseText } from '@binh-yen/shared-kernel';
import { UnitResolver } from '@binh-yen/unit-directory';

/** Quy chế phối hợp liên tịch: recorded by one of the agencies that signed it. */
@Injectable()
export class RecordAgreementUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitResolver,
    private readonly agreements: AgreementsRepository,
  ) {}

  async execute(input: RecordAgreementDto, context: CommandContext): Promise<AgreementView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'record-agreement', request: input }, context, async (tx) => {
      const scope = await this.units.activeUnits(tx, input.scopeUnitCodes, 'scopeUnitCodes');
      for (const unit of scope) assertInArea(caller, unit.path, unit.code);
      const obligations = input.obligations.map((obligation) => ({ party: obligation.party, text: normaliseText(obligation.text) }));
      const terms = {
        parties: input.parties,
        signedOn: input.signedOn,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo ?? null,
        scopePaths: scope.map((unit) => unit.path),
        obligations,
      };
      checkAgreement(terms, caller.agency, now);

      const id = uuidv7(now.getTime());
      const area = agreementArea(terms.scopePaths);
      const title = normaliseText(input.title);
      const scopeRefs = scope.map((unit) => ({ unitId: unit.unitId, code: unit.code, path: unit.path }));
      await tx.query(
        `INSERT INTO agreements (id, title, parties, signed_on, effective_from, effective_to, scope, obligations, area, recorded_by, recording_agency, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12)`,
        [id, title, input.parties, input.signedOn, input.effectiveFrom, terms.effectiveTo, JSON.stringify(scopeRefs), JSON.stringify(obligations), area, caller.subject, caller.agency, now],
      );
      const data: AgreementSignedV1 = {
        agreementId: id,
        title,
        parties: input.parties,
        signedOn: input.signedOn,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: terms.effectiveTo,
        scope: scopeRefs,
        obligations,
      };
      const audit: AuditEntry = { action: 'agreement.record', entityType: 'agreement', entityId: id, area, before: null, after: data };
      const events = [newEvent({ type: 'agreement', id }, AgreementEventTypes.signed, 1, area, caller, data, now)];
      const recorded = await this.agreements.find(tx, id);
      if (!recorded) throw notFound('agreement', `No agreement has the id ${id}.`);
      return { view: recorded, audit, events };
    });
  }
}
