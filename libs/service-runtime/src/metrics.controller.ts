import { Controller, Get, Header } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { httpMetricsOf, Public } from '@binh-yen/http';
import { MessagingHealth, type ConsumerStats, type MessagingHealthReport } from '@binh-yen/messaging';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/**
 * Prometheus metrics. The event-path figures are read from the relay and the
 * consumers at scrape time, so there is one source of truth for them.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();
  private latest?: MessagingHealthReport;

  constructor(
    private readonly messaging: MessagingHealth,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    collectDefaultMetrics({ register: this.registry });
    const read = (): MessagingHealthReport | undefined => this.latest;
    new Gauge({
      name: 'binhyen_outbox_backlog',
      help: 'Outbox rows not yet published to Kafka',
      registers: [this.registry],
      collect() {
        this.set(read()?.relay?.backlog ?? 0);
      },
    });
    new Gauge({
      name: 'binhyen_outbox_oldest_unpublished_seconds',
      help: 'Age of the oldest unpublished outbox row',
      registers: [this.registry],
      collect() {
        this.set((read()?.relay?.oldestUnpublishedAgeMs ?? 0) / 1000);
      },
    });
    new Gauge({
      name: 'binhyen_relay_published_events',
      help: 'Events published by this process since it started',
      registers: [this.registry],
      collect() {
        this.set(read()?.relay?.publishedSinceStart ?? 0);
      },
    });
    const perConsumer = (name: string, help: string, pick: (consumer: ConsumerStats) => number): void => {
      new Gauge({
        name,
        help,
        labelNames: ['group'],
        registers: [this.registry],
        collect() {
          for (const consumer of read()?.consumers ?? []) this.set({ group: consumer.groupId }, pick(consumer));
        },
      });
    };
    perConsumer('binhyen_consumer_applied_events', 'Events applied by a projection since start', (c) => c.applied);
    perConsumer('binhyen_consumer_dead_letters', 'Events dead-lettered by a projection since start', (c) => c.deadLettered);
    perConsumer('binhyen_consumer_up', '1 while the consumer runs, 0 otherwise', (c) => (c.state === 'running' ? 1 : 0));
  }

  @Public()
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    // One snapshot per scrape; the gauges read it while the registry collects.
    this.latest = await this.messaging.report();
    // The HTTP figures live with the HTTP app (configureHttpApp); absent in a bare test module.
    const http = httpMetricsOf(this.adapterHost.httpAdapter?.getInstance());
    return http ? Registry.merge([this.registry, http.registry]).metrics() : this.registry.metrics();
  }
}
