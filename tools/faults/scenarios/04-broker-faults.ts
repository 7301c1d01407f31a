import { setTimeout as sleep } from 'node:timers/promises';
import { describeRefusals, RatingLoad } from '../load';
import { seconds, type Scenario } from '../scenario';

/** 4. The broker killed (SIGKILL) and restarted under load; then frozen (SIGSTOP) past the session timeout and resumed. */
export const brokerFaults: Scenario = {
  id: 4,
  title: 'broker kill -9 + restart under load; SIGSTOP > session timeout, SIGCONT',
  async run({ stack, mode }) {
    const load = new RatingLoad(stack, 15);
    await sleep(2_000);
    const killedAt = Date.now();
    await stack.broker.kill('SIGKILL');
    await sleep(mode === 'full' ? 15_000 : 3_000);
    await stack.broker.restart();
    const down = Date.now() - killedAt;
    await sleep(3_000);
    // The services' session timeout is 6 s: a longer freeze expires every member.
    const frozen = mode === 'full' ? 40_000 : 9_000;
    stack.broker.pause();
    await sleep(frozen);
    stack.broker.resume();
    await sleep(3_000);
    const stats = await load.stop();
    return `broker down ${seconds(down)}, frozen ${seconds(frozen)}; ${stats.ok} writes accepted, ${stats.failed} refused (${describeRefusals(stats)})`;
  },
};
