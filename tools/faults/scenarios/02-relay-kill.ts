import { readTopic } from '@binh-yen/testing';
import { pick, QUARTERS } from '../load';
import { expectThat, type Scenario } from '../scenario';

/** 2. The relay killed after Kafka acknowledged a batch, before the outbox rows were marked. */
export const relayKill: Scenario = {
  id: 2,
  title: 'relay kill -9 after Kafka ack, before marking outbox rows',
  async run({ stack }) {
    const before = (await readTopic(stack.unitTopic, stack.brokers)).length;
    const units = await stack.restartUnits({ BINHYEN_FAILPOINTS: 'relay.after-publish' });
    await Promise.allSettled(Array.from({ length: 8 }, () => stack.rate(stack.randomCommune(), pick(QUARTERS), { rating: 'fair' })));
    expectThat((await units.exited) === 'SIGKILL', 'the units process armed with relay.after-publish was not killed');
    const [{ n }] = (await stack.units$<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`)) as [{ n: string }];
    expectThat(Number(n) > 0, 'no outbox row was left unmarked by the kill');
    await stack.startUnits();
    return `${n} rows published but unmarked at the kill; ${(await readTopic(stack.unitTopic, stack.brokers)).length - before} messages followed on the topic`;
  },
};
