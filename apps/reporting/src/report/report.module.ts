import { Module } from '@nestjs/common';
import { IncidentFiguresController } from '../cases/incident-figures.controller';
import { CasePipelineProjection } from '../cases/case-pipeline.projection';
import { CasePipelineQueries } from '../cases/case-pipeline.queries';
import { CampaignFiguresController } from '../campaigns/campaign-figures.controller';
import { CampaignFiguresProjection } from '../campaigns/campaigns.projection';
import { CampaignFiguresQueries } from '../campaigns/campaign-figures.queries';
import { MovementProjection } from '../movement/movement.projection';
import { MovementQueries } from '../movement/movement.queries';
import { QuarterlyReportController } from './quarterly-report.controller';
import { QuarterlyReportService } from './quarterly-report.service';

@Module({
  controllers: [QuarterlyReportController, IncidentFiguresController, CampaignFiguresController, MovementProjection, CampaignFiguresProjection, CasePipelineProjection],
  providers: [MovementQueries, CampaignFiguresQueries, CasePipelineQueries, QuarterlyReportService],
  exports: [QuarterlyReportService],
})
export class QuarterlyReportModule {}
