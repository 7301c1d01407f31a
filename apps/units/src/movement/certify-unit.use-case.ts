import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { UnitEventTypes, type UnitCertificationRevokedV1, type UnitCertifiedV1 } from '@binh-yen/contracts';
import { UnitRuleViolation } from '@binh-yen/units-domain';
import { unitEvent } from '../shared/unit-events';
import { UnitsRepository } from '../shared/units.repository';
import type { CertifyUnitDto, RevokeCertificationDto } from './dto/movement.dto';

export class CertificationView {
  @ApiProperty({ example: '25.227.08' }) unitCode!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ enum: ['granted', 'revoked'] }) status!: 'granted' | 'revoked';
}

/** "Safe and strong for security and order" (đạt chuẩn an toàn về ANTT), per unit and year. */
@Injectable()
export class CertifyUnitUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly units: UnitsRepository,
  ) {}

  async grant(code: string, input: CertifyUnitDto, context: CommandContext): Promise<CertificationView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'certify-unit', request: { code, ...input } }, context, async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, unit.path);
      if (unit.status !== 'active') throw new UnitRuleViolation('code', 'not-active', `${code} is ${unit.status}`);
      const existing: { status: string }[] = await tx.query(`SELECT status FROM safety_certifications WHERE unit_id = $1 AND year = $2`, [unit.id, input.year]);
      if (existing[0]?.status === 'granted') throw new UnitRuleViolation('year', 'already-certified', `${code} is already certified for ${input.year}`, 409);
      await tx.query(
        `INSERT INTO safety_certifications (unit_id, year, status, granted_on) VALUES ($1, $2, 'granted', $3)
         ON CONFLICT (unit_id, year) DO UPDATE SET status = 'granted', granted_on = EXCLUDED.granted_on, revoked_on = NULL, revoke_reason = NULL`,
        [unit.id, input.year, input.grantedOn],
      );
      const sequence = await this.units.touch(tx, unit.id);
      const audit: AuditEntry = { action: 'unit.certify', entityType: 'unit', entityId: unit.id, area: unit.path, before: existing[0] ?? null, after: { year: input.year, status: 'granted' } };
      const events = [
        unitEvent<UnitCertifiedV1>(unit.id, UnitEventTypes.certified, sequence, unit.path, caller, { unitId: unit.id, code, path: unit.path, year: input.year, grantedOn: input.grantedOn }, now),
      ];
      return { view: { unitCode: code, year: input.year, status: 'granted' as const }, audit, events };
    });
  }

  async revoke(code: string, year: number, input: RevokeCertificationDto, context: CommandContext): Promise<CertificationView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'revoke-certification', request: { code, year, ...input } }, context, async (tx) => {
      const unit = await this.units.requireByCode(tx, code, true);
      assertInArea(caller, unit.path);
      const existing: { status: string }[] = await tx.query(`SELECT status FROM safety_certifications WHERE unit_id = $1 AND year = $2`, [unit.id, year]);
      if (existing[0]?.status !== 'granted') throw new UnitRuleViolation('year', 'not-certified', `${code} holds no certification for ${year} to revoke`, 409);
      const reason = input.reason.normalize('NFC');
      await tx.query(`UPDATE safety_certifications SET status = 'revoked', revoked_on = $3, revoke_reason = $4 WHERE unit_id = $1 AND year = $2`, [unit.id, year, input.revokedOn, reason]);
      const sequence = await this.units.touch(tx, unit.id);
      const audit: AuditEntry = { action: 'unit.certify', entityType: 'unit', entityId: unit.id, area: unit.path, before: { year, status: 'granted' }, after: { year, status: 'revoked', reason } };
      const events = [
        unitEvent<UnitCertificationRevokedV1>(unit.id, UnitEventTypes.certificationRevoked, sequence, unit.path, caller, { unitId: unit.id, code, path: unit.path, year, reason, revokedOn: input.revokedOn }, now),
      ];
      return { view: { unitCode: code, year, status: 'revoked' as const }, audit, events };
    });
  }
}
