import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@binh-yen/testing';
import { checkAcknowledgedWrites } from '../cluster/acknowledged-writes';
import { PublishWatch } from '../cluster/publish-watch';
import { waitUntilQuiet } from '../invariants';
import { partitionStates, replicationOf } from '../kafka-admin';
import { RatingLoad } from '../load';
import { expectThat, seconds, type Scenario } from '../scenario';

/**
 * 13. Three brokers (RF 3, min.insync.replicas 2) under steady HTTP writes: kill -9 the leader of the
 * busiest partition (writes go on after the failover), then a second broker for a while (too few
 * replicas in sync: the relay's acks=all writes must stop, the outbox keeps them), then both back.
 */
export const clusterLeaderKill: Scenario = {
  id: 13,
  kafka: 'cluster',
  title: 'three brokers: leader of the busiest partition kill -9, then a second broker; both back',
  async run({ stack, mode, log }) {
    const cluster = stack.cluster;
    if (!cluster) throw new Error('scenario 13 needs the cluster stack');
    const replication = await replicationOf(stack.brokers, stack.unitTopic);
    expectThat(replication.replicas === 3 && replication.minInsync === 2, `units topic has ${replication.replicas} replicas, min.insync.replicas ${replication.minInsync}; expected 3 and 2`);

    const watch = new PublishWatch(stack.brokers, stack.unitTopic);
    await watch.start();
    const load = new RatingLoad(stack, 15);
    try {
      await sleep(4_000);
      const busiest = (await partitionStates(stack.brokers, stack.unitTopic)).sort((a, b) => Number(b.high - a.high))[0]!;
      const first = cluster.node(busiest.leader);
      const killedAt = Date.now();
      await first.kill('SIGKILL');
      log(`scenario 13: killed node ${first.nodeId} (leader of partition ${busiest.partition}, ${busiest.high} messages)`);
      await waitFor(async () => watch.resumedAfter(killedAt), (resumed) => resumed !== undefined, { timeoutMs: 60_000, intervalMs: 250, description: 'writes to resume on two brokers' });
      const failoverMs = watch.resumedAfter(killedAt)!;
      await sleep(3_000);

      const second = cluster.nodes.find((node) => node !== first)!;
      const secondAt = Date.now();
      await second.kill('SIGKILL');
      const downMs = mode === 'full' ? 30_000 : 8_000;
      await sleep(downMs);
      // One broker of three: no write reaches min.insync.replicas; the outbox holds them.
      const grewWithOne = watch.grewBetween(secondAt + 1_500, Date.now());
      const [{ n: held }] = (await stack.units$<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`)) as [{ n: string }];
      expectThat(grewWithOne === 0n, `the topic grew by ${grewWithOne} messages with one broker of three (acks=all with min.insync.replicas=2 must refuse)`);
      expectThat(Number(held) > 0, 'no write waited in the outbox while two brokers were down (was the load running?)');

      const restartAt = Date.now();
      await Promise.all([first.restart(), second.restart()]);
      const backAt = Date.now();
      await waitFor(async () => watch.resumedAfter(restartAt), (resumed) => resumed !== undefined, { timeoutMs: 90_000, intervalMs: 250, description: 'writes to resume once both brokers are back' });
      const pausedMs = watch.resumedAfter(secondAt)!;
      await sleep(5_000);
      const stats = await load.stop();
      await waitUntilQuiet(stack, 180_000);
      const catchUpMs = Date.now() - backAt;
      await checkAcknowledgedWrites(stack, load.acknowledged);
      return (
        `${stats.ok} writes acknowledged (${stats.failed} refused); failover after the leader's kill ${seconds(failoverMs)}; ` +
        `two brokers down ${seconds(downMs)}: topic did not grow, ${held} events held in the outbox; writes paused ${seconds(pausedMs)} in all ` +
        `(restart of both ${seconds(backAt - restartAt)}); caught up ${seconds(catchUpMs)} after both were back; every acknowledged write applied once`
      );
    } finally {
      await load.stop();
      await watch.stop();
    }
  },
};
