import { silentLogger } from '../logger';
import type { EventSubscription, SubscriptionHandlers } from '../transport/event-transport';
import { ConsumerSupervision } from './consumer-supervision';

type Handlers = Omit<SubscriptionHandlers, 'onBatch'>;

/** A group that refuses every join with an error the transport will not restart from (as kafkajs does for INCONSISTENT_GROUP_PROTOCOL). */
function refusingGroup(): { subscribe: (handlers: Handlers) => Promise<EventSubscription>; joins: () => number } {
  let joins = 0;
  return {
    joins: () => joins,
    subscribe: async (handlers) => {
      joins += 1;
      // The crash is reported while the subscription is still being made, before it is returned.
      handlers.onCrashed(new Error('incompatible protocols'), false);
      return { stop: async () => undefined };
    },
  };
}

describe('ConsumerSupervision', () => {
  it('joins again within its budget after a crash during the join itself, then stays crashed for good with the time it died', async () => {
    const group = refusingGroup();
    const supervision = new ConsumerSupervision('g', 2, silentLogger, group.subscribe);
    await supervision.start();
    expect(supervision.state).toBe('retrying');
    expect(supervision.crashedAt).toBeNull();
    // Restarts after 1 s and 2 s: three joins in all, then crashed for good.
    const deadline = Date.now() + 10_000;
    while (supervision.state !== 'crashed' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect([supervision.state, group.joins()]).toEqual(['crashed', 3]);
    expect(Date.now() - supervision.crashedAt!).toBeLessThan(1_000);
    expect(supervision.lastError).toBe('incompatible protocols');
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(group.joins()).toBe(3);
  }, 20_000);

  it('is not crashed while it rebalances or retries, and a stop ends the retries', async () => {
    let handlers: Handlers | undefined;
    let joins = 0;
    const supervision = new ConsumerSupervision('g', 5, silentLogger, async (given) => {
      joins += 1;
      handlers = given;
      return { stop: async () => undefined };
    });
    await supervision.start();
    handlers!.onJoined();
    handlers!.onRebalancing!();
    expect([supervision.state, supervision.crashedAt]).toEqual(['rebalancing', null]);
    handlers!.onJoined();
    handlers!.onCrashed(new Error('coordinator moved'), false);
    expect(supervision.state).toBe('retrying');
    await supervision.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect([supervision.state, joins]).toEqual(['stopped', 1]);
  });
});
