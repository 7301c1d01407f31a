import type { AcknowledgedRating } from '../load';
import { MOVEMENT_CONSUMER, type FaultStack } from '../stack';

/**
 * Every write the API acknowledged with a 2xx: its event is in the outbox and was applied once by
 * the movement projection (the stored revision of that unit and quarter is in its inbox). Throws
 * naming the missing ones.
 */
export async function checkAcknowledgedWrites(stack: FaultStack, acknowledged: readonly AcknowledgedRating[]): Promise<void> {
  const events = await stack.units$<{ event_id: string; code: string; quarter: string; revision: number }>(
    `SELECT event_id, payload::jsonb #>> '{data,code}' AS code, payload::jsonb #>> '{data,quarter}' AS quarter, (payload::jsonb #>> '{data,revision}')::int AS revision
       FROM outbox WHERE topic = $1 AND payload::jsonb ->> 'type' = 'unit.rated'`,
    [stack.unitTopic],
  );
  const eventOf = new Map(events.map((row) => [`${row.code}|${row.quarter}|${row.revision}`, row.event_id]));
  const applied = new Set(
    (await stack.reporting$<{ event_id: string }>(`SELECT event_id FROM consumer_inbox WHERE consumer = $1`, [MOVEMENT_CONSUMER])).map((row) => row.event_id),
  );
  const missing = acknowledged.filter((write) => {
    const eventId = eventOf.get(`${write.unitCode}|${write.quarter}|${write.revision}`);
    return eventId === undefined || !applied.has(eventId);
  });
  if (missing.length) {
    throw new Error(`${missing.length} of ${acknowledged.length} acknowledged writes missing from the projection (e.g. ${missing.slice(0, 3).map((w) => `${w.unitCode} ${w.quarter} rev ${w.revision}`).join('; ')})`);
  }
}
