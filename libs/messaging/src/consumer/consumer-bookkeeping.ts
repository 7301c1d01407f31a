import type { EntityManager } from 'typeorm';
import type { DecodedMessage } from './decoded-message';

/** Moves a partition's stored offset on (never back), e.g. past a dead letter applied alone. */
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

/** One event a consumer means to apply, with where it sits in its partition. */
export interface InboxCandidate {
  id: string;
  offset: string;
  occurredAt: string;
}

export interface PartitionClaim {
  /** The partition's stored next offset before this batch: messages below it were applied. */
  previousNextOffset: bigint;
  /** Ids never applied before by this consumer (at or above the stored offset). */
  claimed: Set<string>;
}

/**
 * The bookkeeping of one partition's batch in one round trip: locks the partition's stored
 * offset, claims in the inbox the candidates at or above it, and stores the next offset with
 * the latest claimed event time (the watermark). Nothing changes when the whole batch lies
 * below the stored offset (a replay). Same effect as readNextOffset, claimInInbox and
 * storeNextOffset did in three statements, in one.
 */
export async function claimPartitionBatch(
  tx: EntityManager,
  consumer: string,
  topic: string,
  partition: number,
  candidates: readonly InboxCandidate[],
  nextOffset: bigint,
): Promise<PartitionClaim> {
  // A republished duplicate may sit twice in one batch: claim its first copy only.
  const seen = new Set<string>();
  const unique = candidates.filter((candidate) => !seen.has(candidate.id) && seen.add(candidate.id));
  const rows: { previous: string; claimed: string[] }[] = await tx.query(
    `WITH stored AS (
       SELECT next_offset FROM consumer_offsets
        WHERE consumer = $1 AND topic = $2 AND partition = $3
        FOR UPDATE
     ), previous AS (
       SELECT coalesce((SELECT next_offset FROM stored), 0) AS next_offset
     ), candidates AS (
       SELECT c.id, c.at FROM unnest($4::uuid[], $5::bigint[], $6::timestamptz[]) AS c(id, message_offset, at), previous
        WHERE c.message_offset >= previous.next_offset
     ), claimed AS (
       INSERT INTO consumer_inbox (consumer, event_id)
       SELECT $1, id FROM candidates
       ON CONFLICT DO NOTHING
       RETURNING event_id
     ), stored_next AS (
       INSERT INTO consumer_offsets (consumer, topic, partition, next_offset, last_event_at, updated_at)
       SELECT $1, $2, $3, $7::bigint,
              (SELECT max(candidates.at) FROM candidates JOIN claimed ON claimed.event_id = candidates.id), now()
         FROM previous WHERE $7::bigint > previous.next_offset
       ON CONFLICT (consumer, topic, partition) DO UPDATE
         SET next_offset = GREATEST(consumer_offsets.next_offset, EXCLUDED.next_offset),
             last_event_at = COALESCE(GREATEST(consumer_offsets.last_event_at, EXCLUDED.last_event_at), consumer_offsets.last_event_at, EXCLUDED.last_event_at),
             updated_at = now()
       RETURNING 1
     )
     SELECT (SELECT next_offset FROM previous) AS previous,
            coalesce((SELECT array_agg(event_id) FROM claimed), '{}') AS claimed,
            (SELECT count(*) FROM stored_next) AS stored`,
    [consumer, topic, partition, unique.map((c) => c.id), unique.map((c) => c.offset), unique.map((c) => c.occurredAt), nextOffset.toString()],
  );
  const row = rows[0]!;
  return { previousNextOffset: BigInt(row.previous), claimed: new Set(row.claimed) };
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
        decoded.ok === true ? decoded.event.id : headerText(decoded, 'event-id'),
        decoded.ok === true ? decoded.event.type : headerText(decoded, 'event-type'),
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
