import { Module } from '@nestjs/common';
import { IncidentFiguresController } from '../cases/incident-figures.controller';
import { UnitStandingsController } from '../movement/unit-standings.controller';
import { CasePipelineProjection } from '../cases/case-pipeline.projection';
import { CampaignFiguresController } from '../campaigns/campaign-figures.controller';
import { CampaignFiguresProjection } from '../campaigns/campaigns.projection';
import { FreshnessModule } from '../freshness/freshness.module';
import { MovementProjection } from '../movement/movement.projection';
import { TaxonomyNamesProjection } from '../taxonomy/taxonomy-names.projection';
import { OfficialReportService } from './official/official-report.service';
import { QuarterlyReportController } from './quarterly-report.controller';
import { QuarterlyReportService } from './quarterly-report.service';

@Module({
  imports: [FreshnessModule],
  controllers: [QuarterlyReportController, IncidentFiguresController, UnitStandingsController, CampaignFiguresController, MovementProjection, CampaignFiguresProjection, CasePipelineProjection, TaxonomyNamesProjection],
  providers: [QuarterlyReportService, OfficialReportService],
  exports: [QuarterlyReportService],
})
export class QuarterlyReportModule {}
