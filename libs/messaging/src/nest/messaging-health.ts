import { Injectable } from '@nestjs/common';
import type { ConsumerStats } from '../consumer/projection-runner';
import type { RelayStats } from '../outbox/outbox-relay';
import { ProjectionServer } from './projection-server';
import { RelayHost } from './relay-host';

export interface MessagingHealthReport {
  ready: boolean;
  relay: RelayStats | null;
  consumers: ConsumerStats[];
}

/**
 * A consumer that has crashed for good makes the service not ready, so it is
 * restarted instead of living on as a zombie that answers HTTP and consumes nothing.
 * A broker outage does not: writes go on into the outbox meanwhile.
 */
@Injectable()
export class MessagingHealth {
  constructor(
    private readonly relay: RelayHost,
    private readonly projections: ProjectionServer,
  ) {}

  async report(): Promise<MessagingHealthReport> {
    const consumers = this.projections.stats();
    return {
      ready: consumers.every((consumer) => consumer.state !== 'crashed'),
      relay: await this.relay.stats(),
      consumers,
    };
  }
}
