import type { EntityManager } from 'typeorm';
import type { DecodedMessage } from './decoded-message';

/** The next offset to apply for a partition, as stored with the projection rows. */
export async function readNextOffset(tx: EntityManager, consumer: string, topic: string, partition: number): Promise<bigint> {
  const rows: { next_offset: string }[] = await tx.query(
    `SELECT next_offset FROM consumer_offsets WHERE consumer = $1 AND topic = $2 AND partition = $3 FOR UPDATE`,
    [consumer, topic, partition],
  );
  return rows.length === 0 ? 0n : BigInt(rows[0]!.next_offset);
}

export async function storeNextOffset(
  tx: EntityManager,
  consumer: string,
  topic: string,
  partition: number,
  nextOffset: bigint,
  lastEventAt: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO consumer_offsets (consumer, topic, partition, next_offset, last_event_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (consumer, topic, partition) DO UPDATE
       SET next_offset = GREATEST(consumer_offsets.next_offset, EXCLUDED.next_offset),
           last_event_at = COALESCE(GREATEST(consumer_offsets.last_event_at, EXCLUDED.last_event_at), consumer_offsets.last_event_at, EXCLUDED.last_event_at),
           updated_at = now()`,
    [consumer, topic, partition, nextOffset.toString(), lastEventAt],
  );
}

/** Claims event ids in the inbox; answers the ids this consumer had never applied. */
export async function claimInInbox(tx: EntityManager, consumer: string, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows: { event_id: string }[] = await tx.query(
    `INSERT INTO consumer_inbox (consumer, event_id)
     SELECT $1, id FROM unnest($2::uuid[]) AS id
     ON CONFLICT DO NOTHING
     RETURNING event_id`,
    [consumer, [...new Set(eventIds)]],
  );
  return new Set(rows.map((row) => row.event_id));
}

export interface DeadLetterRecord {
  decoded: DecodedMessage;
  kind: string;
  reason: string;
}

export async function recordDeadLetters(
  tx: EntityManager,
  consumer: string,
  topic: string,
  partition: number,
  letters: readonly DeadLetterRecord[],
): Promise<void> {
  for (const { decoded, kind, reason } of letters) {
    await tx.query(
      `INSERT INTO dead_letters (consumer, topic, partition, message_offset, event_id, event_type, reason_kind, reason, message_key, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (consumer, topic, partition, message_offset) DO NOTHING`,
      [
        consumer,
        topic,
        partition,
        decoded.offset,
        decoded.ok ? decoded.event.id : headerText(decoded, 'event-id'),
        decoded.ok ? decoded.event.type : headerText(decoded, 'event-type'),
        kind,
        textSafeForPostgres(reason.slice(0, 4000)),
        decoded.message.key ? textSafeForPostgres(decoded.message.key.toString('utf8')) : null,
        // Keep what can be kept as text; poison bytes are stored escaped, not lost.
        decoded.message.value ? toStorableText(decoded.message.value) : null,
      ],
    );
  }
}

function headerText(decoded: DecodedMessage, name: string): string | null {
  const value = decoded.message.headers?.[name];
  return value === undefined ? null : textSafeForPostgres(String(value)).slice(0, 200);
}

/** Postgres text cannot hold NUL; error messages about poison bytes may quote one. */
function textSafeForPostgres(text: string): string {
  return text.replaceAll('\u0000', '\\u0000');
}

function toStorableText(value: Buffer): string {
  const text = value.toString('utf8');
  // Postgres text cannot hold NUL; invalid UTF-8 becomes U+FFFD when decoded.
  return text.includes('\u0000') ? `base64:${value.toString('base64')}` : text;
}

/** Up to when a projection is current: the latest event applied and when. */
export interface Watermark {
  lastEventAt: string | null;
  appliedAt: string | null;
}

export async function readWatermark(tx: Pick<EntityManager, 'query'>, consumer: string): Promise<Watermark> {
  const rows: { last_event_at: Date | null; applied_at: Date | null }[] = await tx.query(
    `SELECT max(last_event_at) AS last_event_at, max(updated_at) AS applied_at FROM consumer_offsets WHERE consumer = $1`,
    [consumer],
  );
  const row = rows[0];
  return {
    lastEventAt: row?.last_event_at ? new Date(row.last_event_at).toISOString() : null,
    appliedAt: row?.applied_at ? new Date(row.applied_at).toISOString() : null,
  };
}
