import { Module } from '@nestjs/common';
import { MovementProjection } from '../movement/movement.projection';
import { MovementQueries } from '../movement/movement.queries';
import { QuarterlyReportController } from './quarterly-report.controller';
import { QuarterlyReportService } from './quarterly-report.service';

@Module({
  controllers: [QuarterlyReportController],
  providers: [MovementProjection, MovementQueries, QuarterlyReportService],
  exports: [QuarterlyReportService],
})
export class QuarterlyReportModule {}
