import { RatingLoad } from '../load';
import { expectThat, type Scenario } from '../scenario';

/** 1. The consumer killed (SIGKILL) inside its batch transaction, then after its commit but before the offset commit. */
export const consumerKill: Scenario = {
  id: 1,
  title: 'consumer kill -9 before batch commit / after DB commit, before offset commit',
  async run({ stack }) {
    await stack.stopReporting();
    const load = new RatingLoad(stack, 15);
    // Each armed process picks up where the killed one left off; the last one runs unarmed.
    for (const point of ['consumer.before-db-commit', 'consumer.after-db-commit']) {
      const doomed = await stack.startReporting({ BINHYEN_FAILPOINTS: point });
      const exit = await Promise.race([doomed.exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 60_000))]);
      expectThat(exit === 'SIGKILL', `the reporting process armed with ${point} ended with ${String(exit)}, not SIGKILL`);
    }
    await stack.startReporting();
    const stats = await load.stop();
    return `killed at consumer.before-db-commit, then at consumer.after-db-commit; ${stats.ok} writes meanwhile`;
  },
};
