import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Projection, ProjectionDefinition } from '../consumer/projection';
import { ProjectionConsumer, type ConsumerStats } from '../consumer/projection-consumer';
import type { EventTransport } from '../transport/event-transport';
import { EVENT_TRANSPORT, MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { PROJECTION_HANDLER } from './projection-handler.decorator';

/** Finds every @ProjectionHandler provider and runs a consumer for each. */
@Injectable()
export class ProjectionHost implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private consumers: ProjectionConsumer[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  discover(): { definition: ProjectionDefinition; projection: Projection }[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      if (!wrapper.metatype || !wrapper.instance) return [];
      const definition = this.reflector.get<ProjectionDefinition | undefined>(PROJECTION_HANDLER, wrapper.metatype);
      return definition ? [{ definition, projection: wrapper.instance as Projection }] : [];
    });
  }

  onModuleInit(): void {
    if (!this.options.consumers.enabled) return;
    const { serviceName, topicPrefix, consumers } = this.options;
    this.consumers = this.discover().map(
      ({ definition, projection }) =>
        new ProjectionConsumer(this.transport, this.dataSource, projection, definition, { serviceName, topicPrefix, ...consumers }, this.logger),
    );
  }

  async start(): Promise<void> {
    for (const consumer of this.consumers) {
      await consumer.start();
      this.logger.log(`consuming as group ${consumer.groupId}`);
    }
  }

  stats(): ConsumerStats[] {
    return this.consumers.map((consumer) => consumer.stats());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }
}
