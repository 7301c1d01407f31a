import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@binh-yen/testing';
import { RatingLoad } from '../load';
import { expectThat, seconds, type Scenario } from '../scenario';
import { MOVEMENT_CONSUMER, type FaultStack } from '../stack';

async function counts(stack: FaultStack): Promise<{ produced: number; applied: number }> {
  const [produced] = await stack.units$<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE topic = $1`, [stack.unitTopic]);
  const [applied] = await stack.reporting$<{ n: string }>(`SELECT count(*) AS n FROM consumer_inbox WHERE consumer = $1`, [MOVEMENT_CONSUMER]);
  return { produced: Number(produced!.n), applied: Number(applied!.n) };
}

/** 11. The consumer down for a while (30 s in CI, 10 min with --full) under steady load, then restarted: it catches up at ≥ 3× the ingest rate. */
export const catchUp: Scenario = {
  id: 11,
  title: 'consumer down under steady load, restarted: catch-up ≥ 3× ingest',
  async run({ stack, mode, log }) {
    const downMs = mode === 'full' ? 10 * 60_000 : 30_000;
    await stack.stopReporting('SIGKILL');
    const load = new RatingLoad(stack, 10);
    await sleep(downMs);
    const ingest = load.stats().rate;
    const atRestart = await counts(stack);
    const backlog = atRestart.produced - atRestart.applied;
    log(`scenario 11: ${backlog} events behind after ${seconds(downMs)} down at ${ingest.toFixed(1)}/s; restarting`);
    const restarted = Date.now();
    const [{ now: restartedInDb }] = (await stack.reporting$<{ now: Date }>(`SELECT now() AS now`)) as [{ now: Date }];
    await stack.startReporting();
    // Caught up: less than one second of ingest behind.
    await waitFor(() => counts(stack), (now) => now.produced - now.applied <= Math.ceil(ingest), {
      timeoutMs: Math.max(120_000, downMs),
      intervalMs: 200,
      description: 'the restarted consumer to catch up',
    });
    const elapsed = Date.now() - restarted;
    await load.stop();
    // The catch-up rate is consumption's, from the first event applied after the restart to the
    // moment the backlog was gone (the inbox's times); process start-up is recorded apart.
    const applied = await stack.reporting$<{ at: Date }>(`SELECT applied_at AS at FROM consumer_inbox WHERE consumer = $1 AND applied_at >= $2 ORDER BY applied_at`, [MOVEMENT_CONSUMER, restartedInDb]);
    const first = applied[0]!.at.getTime();
    const cleared = applied[Math.min(backlog, applied.length) - 1]!.at.getTime();
    const consuming = Math.max(0.05, (cleared - first) / 1000);
    const rate = backlog / consuming;
    const note = `down ${seconds(downMs)} at ${ingest.toFixed(1)} events/s ingest, backlog ${backlog}; consumed at ${rate.toFixed(0)}/s = ${(rate / ingest).toFixed(1)}× ingest; caught up ${seconds(elapsed)} after the restart, start-up included`;
    expectThat(rate >= 3 * ingest, `catch-up too slow: ${note}`);
    return note;
  },
};
