import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxRelay, type RelayStats } from '../outbox/outbox-relay';
import type { EventTransport } from '../transport/event-transport';
import { EVENT_TRANSPORT, MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { RelayWakeSubscriber } from './relay-wake-subscriber';

@Injectable()
export class RelayHost implements OnModuleInit, BeforeApplicationShutdown {
  private readonly relay?: OutboxRelay;

  constructor(
    @Inject(EVENT_TRANSPORT) transport: EventTransport,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    private readonly dataSource: DataSource,
  ) {
    if (options.relay.enabled) {
      this.relay = new OutboxRelay(
        transport,
        {
          serviceName: options.serviceName,
          databaseUrl: options.databaseUrl,
          batchSize: options.relay.batchSize,
          pollIntervalMs: options.relay.pollIntervalMs,
          standbyRetryMs: 2_000,
          retentionMs: options.relay.retentionMs,
          useDatabaseCoordination: options.relay.useDatabaseCoordination,
          maxBatchBytes: options.maxEventBytes,
        },
        new Logger('OutboxRelay'),
      );
    }
  }

  onModuleInit(): void {
    if (this.relay) this.dataSource.subscribers.push(new RelayWakeSubscriber(() => this.wake()));
  }

  start(): void {
    this.relay?.start();
  }

  /** After a commit in this process: publish now rather than at the next poll. */
  wake(): void {
    this.relay?.wake();
  }

  /** Since when the relay cannot go on by itself (null while it works, or where it does not run). */
  deadSince(now = Date.now()): number | null {
    return this.relay?.deadSince(now) ?? null;
  }

  stats(): Promise<RelayStats | null> {
    return this.relay ? this.relay.stats() : Promise.resolve(null);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
