import { readTopic, waitFor } from '@binh-yen/testing';
import { highWatermarks } from './kafka-admin';
import { MOVEMENT_CONSUMER, type FaultStack } from './stack';

export interface Checked {
  /** Distinct events the units service produced (its outbox) plus those injected by hand. */
  produced: number;
  applied: number;
  deadLettered: number;
  /** Messages on the topic beyond distinct ids: republished duplicates the consumers had to skip. */
  duplicatesOnTopic: number;
}

/**
 * Waits until the system is quiet: the units outbox fully published, and the movement
 * consumer's stored offsets at the end of every partition of the units topic.
 */
export async function waitUntilQuiet(stack: FaultStack, timeoutMs = 120_000): Promise<void> {
  await waitFor(
    async () => {
      const [{ n: unpublished }] = await stack.units$<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`) as [{ n: string }];
      const highs = await highWatermarks(stack.brokers, stack.unitTopic);
      const stored = await stack.reporting$<{ partition: number; next_offset: string }>(
        `SELECT partition, next_offset FROM consumer_offsets WHERE consumer = $1 AND topic = $2`,
        [MOVEMENT_CONSUMER, stack.unitTopic],
      );
      const at = new Map(stored.map((row) => [row.partition, BigInt(row.next_offset)]));
      const behind = [...highs].reduce((sum, [partition, high]) => sum + Number(high - (at.get(partition) ?? 0n)), 0);
      return { unpublished: Number(unpublished), behind };
    },
    (state) => state.unpublished === 0 && state.behind === 0,
    { timeoutMs, intervalMs: 250, description: 'the outbox to drain and the movement projection to reach the end of the units topic' },
  );
}

function diff(name: string, expected: string[], actual: string[]): string[] {
  const want = new Set(expected);
  const got = new Set(actual);
  const missing = expected.filter((row) => !got.has(row));
  const extra = actual.filter((row) => !want.has(row));
  const problems: string[] = [];
  if (missing.length) problems.push(`${name}: ${missing.length} missing in the projection (e.g. ${missing.slice(0, 2).join('; ')})`);
  if (extra.length) problems.push(`${name}: ${extra.length} unexpected in the projection (e.g. ${extra.slice(0, 2).join('; ')})`);
  if (actual.length !== got.size) problems.push(`${name}: ${actual.length - got.size} duplicate rows`);
  return problems;
}

/**
 * The four properties, checked once quiet; throws listing every violation.
 * 1. every event produced is applied or dead-lettered (and only injected poison is dead-lettered);
 * 2. no event is applied twice, and nothing is applied that nobody produced;
 * 3. the projections equal an oracle computed from the units database;
 * 4. per-aggregate order on the topic: first deliveries of an aggregate's events have increasing `sequence`.
 */
export async function checkInvariants(stack: FaultStack): Promise<Checked> {
  await waitUntilQuiet(stack);
  const problems: string[] = [];

  const outboxIds = (await stack.units$<{ event_id: string }>(`SELECT event_id FROM outbox WHERE topic = $1`, [stack.unitTopic])).map((row) => row.event_id);
  const inbox = (await stack.reporting$<{ event_id: string }>(`SELECT event_id FROM consumer_inbox WHERE consumer = $1`, [MOVEMENT_CONSUMER])).map((row) => row.event_id);
  const deadLetters = await stack.reporting$<{ event_id: string | null; reason_kind: string }>(
    `SELECT event_id, reason_kind FROM dead_letters WHERE consumer = $1`,
    [MOVEMENT_CONSUMER],
  );
  const applied = new Set(inbox);
  const produced = new Set([...outboxIds, ...stack.injectedApplied]);
  const lost = [...produced].filter((id) => !applied.has(id));
  if (lost.length) problems.push(`${lost.length} produced events neither applied nor dead-lettered (e.g. ${lost.slice(0, 3).join(', ')})`);
  if (inbox.length !== applied.size) problems.push(`${inbox.length - applied.size} events applied twice (inbox)`);
  const invented = inbox.filter((id) => !produced.has(id));
  if (invented.length) problems.push(`${invented.length} applied events nobody produced`);
  const wrongDeadLetters = deadLetters.filter((row) => row.event_id !== null && produced.has(row.event_id));
  if (wrongDeadLetters.length) problems.push(`${wrongDeadLetters.length} valid events dead-lettered (${wrongDeadLetters.map((row) => row.reason_kind).join(', ')})`);
  if (deadLetters.length !== stack.injectedDeadLetters.size) problems.push(`${deadLetters.length} dead letters, expected ${stack.injectedDeadLetters.size} (the injected poison)`);

  // Oracle: the current revision of every rating, and the distribution per district and quarter.
  const ratingSql = (table: string): string => `SELECT unit_id::text || '|' || quarter || '|' || revision || '|' || rating AS row FROM ${table}`;
  const sourceRatings = await stack.units$<{ row: string }>(
    ratingSql(`(SELECT DISTINCT ON (unit_id, quarter) unit_id, quarter, revision, rating FROM unit_ratings ORDER BY unit_id, quarter, revision DESC) AS current_ratings`),
  );
  const projectedRatings = await stack.reporting$<{ row: string }>(ratingSql('unit_ratings_v1'));
  problems.push(...diff('ratings', sourceRatings.map((r) => r.row), projectedRatings.map((r) => r.row)));
  const distribution = (table: string, current: string): string =>
    `SELECT concat_ws('|', split_part(u.path, '.', 1) || '.' || split_part(u.path, '.', 2), r.quarter, r.rating, count(*)) AS row
       FROM ${current} r JOIN ${table} u ON u.${table === 'units' ? 'id' : 'unit_id'} = r.unit_id
      GROUP BY split_part(u.path, '.', 1), split_part(u.path, '.', 2), r.quarter, r.rating`;
  const sourceDistribution = await stack.units$<{ row: string }>(
    distribution('units', `(SELECT DISTINCT ON (unit_id, quarter) unit_id, quarter, rating FROM unit_ratings ORDER BY unit_id, quarter, revision DESC)`),
  );
  const projectedDistribution = await stack.reporting$<{ row: string }>(distribution('report_units_v1', 'unit_ratings_v1'));
  problems.push(...diff('ratings per district and quarter', sourceDistribution.map((r) => r.row), projectedDistribution.map((r) => r.row)));
  const sourceUnits = await stack.units$<{ row: string }>(`SELECT id::text || '|' || code || '|' || path || '|' || status AS row FROM units`);
  const projectedUnits = await stack.reporting$<{ row: string }>(
    `SELECT unit_id::text || '|' || code || '|' || path || '|' || status AS row FROM report_units_v1 WHERE NOT (unit_id = ANY($1::uuid[]))`,
    [[...stack.injectedUnitIds]],
  );
  problems.push(...diff('units', sourceUnits.map((r) => r.row), projectedUnits.map((r) => r.row)));

  // Order per aggregate, as consumers see it: first delivery of each event id.
  const messages = await readTopic(stack.unitTopic, stack.brokers);
  const seen = new Set<string>();
  const lastSequence = new Map<string, { sequence: number; partition: number }>();
  let disorder = 0;
  let delivered = 0;
  for (const message of messages) {
    let event: { id?: string; sequence?: number; aggregate?: { id?: string } };
    try {
      event = JSON.parse(message.value?.toString('utf8') ?? '') as typeof event;
    } catch {
      continue; // poison
    }
    if (!event.id || !event.aggregate?.id || typeof event.sequence !== 'number' || stack.injectedApplied.has(event.id) || stack.injectedDeadLetters.has(event.id)) continue;
    delivered += 1;
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const last = lastSequence.get(event.aggregate.id);
    if (last && (event.sequence <= last.sequence || message.partition !== last.partition)) disorder += 1;
    lastSequence.set(event.aggregate.id, { sequence: event.sequence, partition: message.partition });
  }
  if (disorder) problems.push(`${disorder} events out of per-aggregate order on the topic`);
  const missingOnTopic = outboxIds.filter((id) => !seen.has(id));
  if (missingOnTopic.length) problems.push(`${missingOnTopic.length} outbox events never reached the topic`);

  if (problems.length) throw new Error(problems.join('\n'));
  return { produced: produced.size, applied: applied.size, deadLettered: deadLetters.length, duplicatesOnTopic: delivered - seen.size };
}
