import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { EventPathMetrics } from './event-path-metrics';
import { MetricsController } from './metrics.controller';
import { ProjectionTelemetryInterceptor } from './projection-telemetry.interceptor';
import { TracingFlush } from './tracing-flush';

@Module({
  controllers: [MetricsController],
  providers: [EventPathMetrics, TracingFlush, ProjectionTelemetryInterceptor, { provide: APP_INTERCEPTOR, useExisting: ProjectionTelemetryInterceptor }],
})
export class MetricsModule {}
