import { assertValidEvent, topicFor, type AggregateType, type EventEnvelope } from '@binh-yen/contracts';
import { currentTraceparent } from '@binh-yen/telemetry';
import type { EntityManager } from 'typeorm';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox-schema';

/**
 * An event that would not fit in one Kafka message: refused before it can get stuck.
 * It describes itself as a 413 problem (the shape of @binh-yen/http's ProblemSource),
 * so the request that would cause it is refused instead of failing with a 500.
 */
export class EventTooLargeError extends Error {
  constructor(
    readonly eventType: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`Event ${eventType} is ${bytes} bytes; the limit is ${limit}`);
    this.name = 'EventTooLargeError';
  }

  toProblem(): { type: string; title: string; status: number; detail: string } {
    return {
      type: 'urn:binh-yen:problem:event-too-large',
      title: 'Nội dung quá lớn (Payload too large)',
      status: 413,
      detail: `The change would publish an event of ${this.bytes} bytes, more than the ${this.limit} the event log accepts; send less data.`,
    };
  }
}

/** Marks a transaction's query runner once it appended events, for the wake-up after commit. */
export const OUTBOX_APPENDED = 'binhyenOutboxAppended';

export interface OutboxWriterOptions {
  topicPrefix: string;
  /** Below the broker's message.max.bytes (1 MiB by default), leaving room for headers. */
  maxEventBytes: number;
}

/** A caller's own insert to run in the outbox's statement (parameters $1…$n, no RETURNING). */
export interface AlongsideStatement {
  sql: string;
  params: readonly unknown[];
}

/**
 * Appends events to the outbox through the caller's transaction, so the events
 * exist exactly when the change that caused them does (no dual write).
 */
export class OutboxWriter {
  constructor(private readonly options: OutboxWriterOptions) {}

  /**
   * `alongside`: an insert of the caller's (e.g. the audit row) run in the same statement as
   * the outbox rows, a round trip fewer on hot command paths.
   */
  async append(transaction: EntityManager, events: readonly EventEnvelope[], alongside?: AlongsideStatement): Promise<void> {
    if (events.length === 0) {
      if (alongside) await transaction.query(alongside.sql, [...alongside.params]);
      return;
    }
    if (!transaction.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append needs the EntityManager of an open transaction');
    }
    // The trace of the request (or job) that caused the events travels with them (ADR 0019).
    const activeTrace = currentTraceparent();
    const rows = events.map((given) => {
      const event = given.traceparent || !activeTrace ? given : { ...given, traceparent: activeTrace };
      assertValidEvent(event);
      const payload = JSON.stringify(event);
      const bytes = Buffer.byteLength(payload);
      if (bytes > this.options.maxEventBytes) throw new EventTooLargeError(event.type, bytes, this.options.maxEventBytes);
      const headers: Record<string, string> = { 'event-id': event.id, 'event-type': event.type, 'event-version': String(event.version) };
      if (event.traceparent) headers['traceparent'] = event.traceparent;
      return {
        eventId: event.id,
        topic: topicFor(event.aggregate.type as AggregateType, this.options.topicPrefix),
        key: event.aggregate.id,
        type: event.type,
        payload,
        headers: JSON.stringify(headers),
      };
    });
    // One statement: the caller's insert, the rows and the wake-up call for the relay
    // (delivered on commit). A data-modifying CTE runs even when nothing reads it.
    const before = alongside ? alongside.params.length : 0;
    const p = (index: number): string => `$${before + index}`;
    await transaction.query(
      `WITH ${alongside ? `alongside AS (${alongside.sql}), ` : ''}appended AS (
         INSERT INTO outbox (event_id, topic, message_key, event_type, payload, headers)
         SELECT * FROM unnest(${p(1)}::uuid[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::text[], ${p(5)}::text[], ${p(6)}::jsonb[])
         RETURNING 1
       )
       SELECT pg_notify('${OUTBOX_NOTIFY_CHANNEL}', '') FROM (SELECT count(*) FROM appended) AS appended_count`,
      [
        ...(alongside?.params ?? []),
        rows.map((row) => row.eventId),
        rows.map((row) => row.topic),
        rows.map((row) => row.key),
        rows.map((row) => row.type),
        rows.map((row) => row.payload),
        rows.map((row) => row.headers),
      ],
    );
    // For the in-process wake-up after commit (RelayWakeSubscriber).
    (transaction.queryRunner.data as Record<string, unknown>)[OUTBOX_APPENDED] = true;
  }
}
