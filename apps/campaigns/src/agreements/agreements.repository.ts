import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgreementView } from './dto/agreement-views.dto';

export const AGREEMENT_COLUMNS = `id, title, parties, signed_on::text AS "signedOn", effective_from::text AS "effectiveFrom",
  effective_to::text AS "effectiveTo", scope, obligations, area, recording_agency AS "recordingAgency", version`;

@Injectable()
export class AgreementsRepository {
  async find(tx: Pick<EntityManager, 'query'>, id: string): Promise<AgreementView | null> {
    const rows: AgreementView[] = await tx.query(`SELECT ${AGREEMENT_COLUMNS} FROM agreements WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }
}
