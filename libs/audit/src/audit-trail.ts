import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@binh-yen/auth';
import { AuditEventTypes, newEvent, uuidv7, type AuditRecordedV1, type EventEnvelope } from '@binh-yen/contracts';
import { currentRequestId } from '@binh-yen/http';
import { MESSAGING_OPTIONS, type AlongsideStatement, type MessagingOptions } from '@binh-yen/messaging';

export interface AuditEntry {
  /** What was done, as in the policy: "unit.rate", "unit.reorganise", ... */
  action: string;
  entityType: string;
  entityId: string;
  /** The unit path the change belongs to (area scope for auditors). */
  area: string;
  before: unknown;
  after: unknown;
}

/** The audit row and its `audit.recorded` event, for the command pipeline to write with the change. */
export interface PreparedAudit {
  row: AlongsideStatement;
  event: EventEnvelope<AuditRecordedV1>;
}

/**
 * Prepares the record of a write — who, agency, when, what, before and after, request id — for
 * the command pipeline (@binh-yen/command-pipeline), which writes it in the same statement as
 * the change's events: the one route to the outbox. Callers pass only what may be shown to
 * auditors (never informant details).
 */
@Injectable()
export class AuditTrail {
  constructor(@Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions) {}

  prepare(caller: Caller, entry: AuditEntry, now: Date): PreparedAudit {
    const id = uuidv7(now.getTime());
    const requestId = currentRequestId();
    const row = {
      sql: `INSERT INTO audit_log (id, recorded_at, subject, agency, action, entity_type, entity_id, area, before, after, request_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11)`,
      params: [id, now, caller.subject, caller.agency, entry.action, entry.entityType, entry.entityId, entry.area, json(entry.before), json(entry.after), requestId],
    };
    const data: AuditRecordedV1 = {
      entryId: id,
      service: this.messaging.serviceName,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      subject: caller.subject,
      agency: caller.agency,
      requestId,
      area: entry.area,
    };
    const event = newEvent({ type: 'audit', id: entry.entityId.slice(0, 64) }, AuditEventTypes.recorded, 1, entry.area, caller, data, now);
    return { row, event };
  }
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
