import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { CampaignWorkController } from './campaign-work.controller';
import { CampaignWorkQueries } from './campaign-work.queries';
import { RecordActivityUseCase } from './record-activity.use-case';
import { RecordPledgeUseCase } from './record-pledge.use-case';

@Module({
  imports: [CampaignsModule],
  controllers: [CampaignWorkController],
  providers: [RecordActivityUseCase, RecordPledgeUseCase, CampaignWorkQueries],
})
export class CampaignWorkModule {}
