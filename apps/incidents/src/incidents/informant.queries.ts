import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { requireInArea } from '@binh-yen/auth';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import { notFound } from '@binh-yen/http';
import { InformantCipher } from '../shared/informant-cipher';
import { pathOf } from './incident-row';
import { incidentNotFound, IncidentsRepository } from './incidents.repository';

export class InformantView {
  @ApiProperty({ format: 'uuid' }) incidentId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) contact!: string | null;
}

/**
 * The informant of a public tip, opened for the few roles that need it. Every
 * reading is audited (who read it, when), the details themselves are not.
 */
@Injectable()
export class InformantQueries {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly incidents: IncidentsRepository,
    private readonly cipher: InformantCipher,
  ) {}

  /** Through the command pipeline for its audit entry; never with a key, so the details are stored nowhere. */
  read(incidentId: string, context: Omit<CommandContext, 'idempotencyKey'>): Promise<InformantView> {
    const { caller } = context;
    return this.pipeline.run({ name: 'read-informant', request: { incidentId } }, context, async (tx) => {
      const incident = requireInArea(await this.incidents.requireById(tx, incidentId), pathOf, caller, () => incidentNotFound(incidentId));
      const rows: { key_id: string; iv: Buffer; ciphertext: Buffer; auth_tag: Buffer }[] = await tx.query(
        `SELECT key_id, iv, ciphertext, auth_tag FROM incident_informants WHERE incident_id = $1`,
        [incidentId],
      );
      const sealed = rows[0];
      if (!sealed) throw notFound('informant', `Incident ${incidentId} has no informant on record (không có thông tin người báo tin).`);
      const informant = this.cipher.open(incidentId, { keyId: sealed.key_id, iv: sealed.iv, ciphertext: sealed.ciphertext, authTag: sealed.auth_tag });
      const audit = { action: 'incident.informant.read', entityType: 'incident', entityId: incidentId, area: pathOf(incident), before: null, after: { informantRead: true } };
      return { view: { incidentId, name: informant.name, contact: informant.contact }, audit };
    });
  }
}
