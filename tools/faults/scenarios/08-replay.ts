import { createHash } from 'node:crypto';
import { resetGroupToEarliest } from '../kafka-admin';
import { waitUntilQuiet } from '../invariants';
import { expectThat, type Scenario } from '../scenario';
import { MOVEMENT_CONSUMER, type FaultStack } from '../stack';

async function fingerprint(stack: FaultStack): Promise<string> {
  const tables = ['unit_ratings_v1', 'report_units_v1', 'unit_paths_v1'];
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await stack.reporting$<{ row: string }>(`SELECT t::text AS row FROM ${table} t ORDER BY 1`);
    parts.push(`${table}:${rows.map((r) => r.row).join('\n')}`);
  }
  const inbox = await stack.reporting$<{ n: string }>(`SELECT count(*) AS n FROM consumer_inbox WHERE consumer = $1`, [MOVEMENT_CONSUMER]);
  return createHash('sha256').update(parts.join('\n')).update(inbox[0]!.n).digest('hex');
}

/** 8. The consumer group's offsets reset to the beginning (and the stored offsets lost): a full replay changes nothing. */
export const replay: Scenario = {
  id: 8,
  title: 'consumer-group offsets reset to the beginning (replay): projections unchanged',
  async run({ stack }) {
    await waitUntilQuiet(stack);
    const before = await fingerprint(stack);
    await stack.stopReporting();
    await resetGroupToEarliest(stack.brokers, `${stack.prefix}reporting.${MOVEMENT_CONSUMER}`, stack.unitTopic);
    // Without the stored offsets the consumer reads everything again; only the inbox stands between it and double counts.
    const forgotten = await stack.reporting$(`DELETE FROM consumer_offsets WHERE consumer = $1 RETURNING 1`, [MOVEMENT_CONSUMER]);
    await stack.startReporting();
    await waitUntilQuiet(stack);
    const after = await fingerprint(stack);
    expectThat(before === after, 'the projections changed after the replay');
    return `group reset to earliest, ${forgotten.length} stored offsets dropped; every event re-read, projections byte-identical`;
  },
};
