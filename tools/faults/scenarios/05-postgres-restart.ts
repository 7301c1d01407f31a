import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@binh-yen/testing';
import { describeRefusals, RatingLoad } from '../load';
import { expectThat, seconds, type Scenario } from '../scenario';

/**
 * 5. PostgreSQL crashes (immediate shutdown, recovery on start) and comes back under load.
 * It is the suite's private cluster, holding both services' databases; every service reconnects by itself.
 */
export const postgresRestart: Scenario = {
  id: 5,
  title: 'PostgreSQL restart (immediate) under load; services reconnect',
  async run({ stack, mode }) {
    const load = new RatingLoad(stack, 15);
    await sleep(2_000);
    const stoppedAt = Date.now();
    await stack.pg.stop('immediate');
    await sleep(mode === 'full' ? 10_000 : 3_000);
    await stack.pg.start();
    const down = Date.now() - stoppedAt;
    const okBefore = load.ok;
    await sleep(4_000);
    const stats = await load.stop();
    expectThat(stats.ok > okBefore, 'the units service accepted no write after PostgreSQL came back');
    // The database being away changes nothing and may be retried: 503 with Retry-After, never a 500.
    expectThat(!('500' in stats.refusals), `writes during the restart were answered 500 (${describeRefusals(stats)}); a database away is a 503`);
    for (const process of [stack.units, ...stack.reporting]) {
      await waitFor(() => fetch(`${process.url}/health/ready`).then((response) => response.status), (status) => status === 200, {
        timeoutMs: 30_000,
        description: `${process.url} to be ready again after the restart`,
      });
    }
    return `down ${seconds(down)}; ${stats.ok} writes accepted, ${stats.failed} refused (${describeRefusals(stats)}); ${stats.ok - okBefore} after the restart`;
  },
};
