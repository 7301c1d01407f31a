import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { TracingFlush } from './tracing-flush';

@Module({ controllers: [MetricsController], providers: [TracingFlush] })
export class MetricsModule {}
