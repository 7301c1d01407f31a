import {
  Global,
  Inject,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { allTopics } from '@binh-yen/contracts';
import { backoffDelay, sleep } from '../backoff';
import { KafkaTransport } from '../kafka/kafka-transport';
import { OutboxWriter } from '../outbox/outbox-writer';
import { createEventTransport } from '../transport/create-event-transport';
import type { EventTransport } from '../transport/event-transport';
import { MessagingHealth } from './messaging-health';
import { EVENT_TRANSPORT, KAFKA, MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { ProjectionHost } from './projection-host';
import { RelayHost } from './relay-host';

/**
 * The event path inside a service: the outbox writer for use cases, the relay
 * that publishes it, and the consumers of every @ProjectionHandler, over the
 * configured transport (Kafka, or the embedded table log). No app imports
 * kafkajs itself.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private readonly stopping = new AbortController();
  private startup?: Promise<void>;

  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly relay: RelayHost,
    private readonly projections: ProjectionHost,
  ) {}

  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: EVENT_TRANSPORT, useFactory: () => createEventTransport(options, new Logger('EventLog')) },
        {
          provide: KAFKA,
          inject: [EVENT_TRANSPORT],
          useFactory: (transport: EventTransport) => (transport instanceof KafkaTransport ? transport.kafka : transport),
        },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter({ topicPrefix: options.topicPrefix, maxEventBytes: options.maxEventBytes }) },
        RelayHost,
        ProjectionHost,
        MessagingHealth,
      ],
      exports: [OutboxWriter, RelayHost, MessagingHealth, EVENT_TRANSPORT, KAFKA, MESSAGING_OPTIONS],
    };
  }

  /**
   * Starts in the background: a service whose broker is away still starts and
   * takes writes (they wait in the outbox); consumers join once topics exist.
   */
  onApplicationBootstrap(): void {
    this.relay.start();
    this.startup = this.startConsuming();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.startup;
  }

  /** After the relay and the consumers have stopped (their own shutdown hooks). */
  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }

  private async startConsuming(): Promise<void> {
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        if (this.options.provisionTopics) {
          await this.transport.ensureTopics(allTopics(this.options.topicPrefix), {
            partitions: this.options.partitions,
            withDeadLetterTopics: true,
          });
        }
        await this.projections.start();
        return;
      } catch (error) {
        this.logger.warn(`messaging start failed (${error instanceof Error ? error.message : String(error)}); retrying`);
        await this.projections.beforeApplicationShutdown();
        await sleep(backoffDelay(attempt), this.stopping.signal);
      }
    }
  }
}
