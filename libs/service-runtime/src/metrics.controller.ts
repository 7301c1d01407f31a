import { Controller, Get, Header } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { httpMetricsOf, Public } from '@binh-yen/http';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { EventPathMetrics } from './event-path-metrics';
import { ProjectionTelemetryInterceptor } from './projection-telemetry.interceptor';

/** Prometheus metrics: the process, the event path (EventPathMetrics) and the HTTP requests. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();

  constructor(
    private readonly eventPath: EventPathMetrics,
    private readonly adapterHost: HttpAdapterHost,
    projectionTelemetry: ProjectionTelemetryInterceptor,
  ) {
    collectDefaultMetrics({ register: this.registry });
    eventPath.register(this.registry);
    projectionTelemetry.register(this.registry);
  }

  @Public()
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    // One snapshot per scrape; the gauges read it while the registry collects.
    await this.eventPath.refresh();
    // The HTTP figures live with the HTTP app (configureHttpApp); absent in a bare test module.
    const http = httpMetricsOf(this.adapterHost.httpAdapter?.getInstance());
    return http ? Registry.merge([this.registry, http.registry]).metrics() : this.registry.metrics();
  }
}
