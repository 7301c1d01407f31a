import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@binh-yen/testing';
import { checkAcknowledgedWrites } from '../cluster/acknowledged-writes';
import { PublishWatch } from '../cluster/publish-watch';
import { waitUntilQuiet } from '../invariants';
import { partitionStates } from '../kafka-admin';
import { RatingLoad } from '../load';
import { seconds, type Scenario } from '../scenario';

/**
 * 14. A rolling restart of the three brokers under steady HTTP writes, as an upgrade does it: each
 * node stopped gracefully and started again, the next only once every partition is back in full sync.
 */
export const clusterRollingRestart: Scenario = {
  id: 14,
  kafka: 'cluster',
  title: 'three brokers: rolling restart under load',
  async run({ stack, log }) {
    const cluster = stack.cluster;
    if (!cluster) throw new Error('scenario 14 needs the cluster stack');
    const watch = new PublishWatch(stack.brokers, stack.unitTopic);
    await watch.start();
    const load = new RatingLoad(stack, 15);
    try {
      await sleep(3_000);
      const began = Date.now();
      const restarts: string[] = [];
      for (const node of cluster.nodes) {
        const at = Date.now();
        await node.restart();
        await waitFor(() => partitionStates(stack.brokers, stack.unitTopic), (states) => states.every((state) => state.isr.length === 3), {
          timeoutMs: 90_000,
          intervalMs: 500,
          description: `every partition in sync on three brokers after node ${node.nodeId} restarted`,
        });
        restarts.push(`node ${node.nodeId} ${seconds(Date.now() - at)}`);
        log(`scenario 14: node ${node.nodeId} restarted and in sync after ${seconds(Date.now() - at)}`);
      }
      const ended = Date.now();
      const longestStall = watch.longestStall(began, ended);
      await sleep(2_000);
      const stats = await load.stop();
      const quietFrom = Date.now();
      await waitUntilQuiet(stack, 120_000);
      await checkAcknowledgedWrites(stack, load.acknowledged);
      return (
        `${stats.ok} writes acknowledged (${stats.failed} refused); restarts (each until in sync): ${restarts.join(', ')}; ` +
        `longest publish pause ${seconds(longestStall)}; quiet ${seconds(Date.now() - quietFrom)} after the load stopped; every acknowledged write applied once`
      );
    } finally {
      await load.stop();
      await watch.stop();
    }
  },
};
