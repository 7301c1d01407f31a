import { Module } from '@nestjs/common';
import { CampaignsSharedModule } from '../shared/campaigns-shared.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { CampaignWorkController } from './campaign-work.controller';
import { CampaignWorkQueries } from './campaign-work.queries';
import { RecordActivityUseCase } from './record-activity.use-case';
import { RecordPledgeUseCase } from './record-pledge.use-case';

@Module({
  imports: [CampaignsSharedModule, CampaignsModule],
  controllers: [CampaignWorkController],
  providers: [RecordActivityUseCase, RecordPledgeUseCase, CampaignWorkQueries],
})
export class CampaignWorkModule {}
