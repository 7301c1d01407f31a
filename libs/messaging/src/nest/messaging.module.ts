import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { createEventTransport } from '../event-transport-factory';
import { OutboxWriter } from '../outbox/outbox-writer';
import type { EventTransport } from '../transport/event-transport';
import { EventHandlerErrorFilter } from './event-handler-error.filter';
import { FilterProbeGuard } from './filter-probe';
import { MessagingHealth } from './messaging-health';
import { EVENT_TRANSPORT, MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { ProjectionServer } from './projection-server';
import { RelayHost } from './relay-host';

/**
 * The event path inside a service: the outbox writer for use cases, the relay that
 * publishes it, and the projection server whose `@EventPattern` handlers consume it
 * (connected as a Nest microservice by the service's start-up), over the configured
 * transport (Kafka, or the embedded table log). No app imports kafkajs itself.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    private readonly relay: RelayHost,
  ) {}

  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: EVENT_TRANSPORT, useFactory: () => createEventTransport(options, new Logger('EventLog')) },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter({ topicPrefix: options.topicPrefix, maxEventBytes: options.maxEventBytes }) },
        RelayHost,
        ProjectionServer,
        MessagingHealth,
        // With { inheritAppConfig: true } these apply to event handlers: one probes, at start,
        // what the exception filters do with a handler's error; one rethrows it for the runner.
        { provide: APP_GUARD, useClass: FilterProbeGuard },
        { provide: APP_FILTER, useClass: EventHandlerErrorFilter },
      ],
      exports: [OutboxWriter, RelayHost, ProjectionServer, MessagingHealth, EVENT_TRANSPORT, MESSAGING_OPTIONS],
    };
  }

  /** The relay starts in the background: a service whose broker is away still takes writes. */
  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** After the relay (its shutdown hook) and the projection server (closed with the app) have stopped. */
  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
