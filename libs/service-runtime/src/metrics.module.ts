import { Module } from '@nestjs/common';
import { EventPathMetrics } from './event-path-metrics';
import { MetricsController } from './metrics.controller';
import { TracingFlush } from './tracing-flush';

@Module({ controllers: [MetricsController], providers: [EventPathMetrics, TracingFlush] })
export class MetricsModule {}
