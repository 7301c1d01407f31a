import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { OutboxRelay, type RelayStats } from '../outbox/outbox-relay';
import { KAFKA, MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';

@Injectable()
export class RelayHost implements BeforeApplicationShutdown {
  private readonly relay?: OutboxRelay;

  constructor(@Inject(KAFKA) kafka: Kafka, @Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    if (options.relay.enabled) {
      this.relay = new OutboxRelay(
        kafka,
        {
          serviceName: options.serviceName,
          databaseUrl: options.databaseUrl,
          batchSize: options.relay.batchSize,
          pollIntervalMs: options.relay.pollIntervalMs,
          standbyRetryMs: 2_000,
          retentionMs: options.relay.retentionMs,
          useDatabaseCoordination: options.relay.useDatabaseCoordination,
        },
        new Logger('OutboxRelay'),
      );
    }
  }

  start(): void {
    this.relay?.start();
  }

  /** After a commit in this process: publish now rather than at the next poll. */
  wake(): void {
    this.relay?.wake();
  }

  stats(): Promise<RelayStats | null> {
    return this.relay ? this.relay.stats() : Promise.resolve(null);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
