import { setTimeout as sleep } from 'node:timers/promises';
import { RatingLoad } from '../load';
import { groupMembers } from '../kafka-admin';
import { expectThat, type Scenario } from '../scenario';
import { MOVEMENT_CONSUMER } from '../stack';

/** 6. A second consumer joins while the first works through a backlog (rebalance mid-batch); then one leaves. */
export const rebalance: Scenario = {
  id: 6,
  title: 'second consumer joins during a backlog (rebalance mid-batch), one leaves',
  async run({ stack }) {
    await stack.stopReporting();
    const load = new RatingLoad(stack, 25);
    await sleep(4_000); // a backlog builds up
    const first = await stack.startReporting();
    const second = await stack.startReporting(); // joins while the first is applying the backlog
    const group = `${stack.prefix}reporting.${MOVEMENT_CONSUMER}`;
    const members = await groupMembers(stack.brokers, group);
    expectThat(members === 2, `the movement group has ${members} members, expected 2`);
    await sleep(2_000);
    await first.stop(); // one leaves: its partitions move to the other
    await sleep(2_000);
    const stats = await load.stop();
    void second;
    return `2 members during the backlog, 1 after one left; ${stats.ok} writes meanwhile`;
  },
};
