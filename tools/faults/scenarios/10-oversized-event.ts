import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { waitUntilQuiet } from '../invariants';
import { expectThat, type Scenario } from '../scenario';
import { UNIT_TOPIC_MAX_MESSAGE_BYTES } from '../stack';

/** A weak rating whose improvement plan has 50 actions of `chars` Vietnamese letters (3 bytes each in UTF-8). */
function weakRating(chars: number, tag: string): Record<string, unknown> {
  return {
    rating: 'weak',
    justification: `Huge but valid ${tag}`,
    improvementPlan: { actions: Array.from({ length: 50 }, (_, i) => `${i} ${'ạ'.repeat(chars - 3)}`), responsibleAgency: 'police', targetQuarter: '2026-Q4' },
  };
}

/**
 * 10. A valid request whose event exceeds the broker's size limit (the units topic is created
 * with max.message.bytes = 128 KiB; the service is told 120,000 bytes) is refused at the API and
 * leaves nothing in the outbox. And a backlog of large but legal events is still published.
 */
export const oversizedEvent: Scenario = {
  id: 10,
  title: 'event over the broker size limit from a valid huge request → refused at the API, not stuck',
  async run({ stack }) {
    const code = stack.communes[0]!.code;
    const outboxBefore = await stack.units$<{ n: string }>(`SELECT count(*) AS n FROM outbox`);
    const huge = await stack.rate(code, '2026-Q1', weakRating(1000, 'too-big'));
    expectThat(huge.status === 413 || huge.status === 422, `the huge rating answered ${huge.status}: ${(await huge.text()).slice(0, 200)}`);
    const outboxAfter = await stack.units$<{ n: string }>(`SELECT count(*) AS n FROM outbox`);
    expectThat(outboxAfter[0]!.n === outboxBefore[0]!.n, 'the refused request left rows in the outbox');
    const stored = await stack.units$(`SELECT 1 FROM unit_ratings WHERE justification = 'Huge but valid too-big'`);
    expectThat(stored.length === 0, 'the refused rating was stored');

    // A backlog of legal ~60 kB events on one key: hold the relay's leadership lock while they are written.
    const lock = new Client({ connectionString: stack.unitsDbUrl });
    lock.on('error', () => undefined);
    await lock.connect();
    await stack.units.kill('SIGKILL');
    await lock.query(`SELECT pg_advisory_lock(hashtext('outbox-relay:units'))`);
    await stack.startUnits();
    for (let i = 0; i < 4; i++) {
      const response = await stack.rate(code, '2026-Q1', weakRating(400, `backlog-${i}`));
      expectThat(response.status >= 200 && response.status < 300, `a 60 kB rating answered ${response.status}`);
    }
    const backlog = await stack.units$<{ bytes: string }>(`SELECT sum(octet_length(payload)) AS bytes FROM outbox WHERE published_at IS NULL`);
    await lock.end(); // the standing-by relay takes over within 2 s
    await sleep(500);
    await waitUntilQuiet(stack, 60_000);
    return `${huge.status} for the huge request, outbox untouched; a ${Math.round(Number(backlog[0]!.bytes) / 1024)} KiB backlog on one key (topic limit ${UNIT_TOPIC_MAX_MESSAGE_BYTES / 1024} KiB) published`;
  },
};
