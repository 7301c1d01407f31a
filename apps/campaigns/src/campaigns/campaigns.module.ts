import { Module } from '@nestjs/common';
import { CampaignsSharedModule } from '../shared/campaigns-shared.module';
import { CampaignQueries } from './campaign.queries';
import { CampaignsController } from './campaigns.controller';
import { ChangeCampaignStatusUseCase } from './change-campaign-status.use-case';
import { LaunchCampaignUseCase } from './launch-campaign.use-case';
import { LinkAgreementUseCase } from './link-agreement.use-case';
import { ReviewCampaignUseCase } from './review-campaign.use-case';

@Module({
  imports: [CampaignsSharedModule],
  controllers: [CampaignsController],
  providers: [LaunchCampaignUseCase, ChangeCampaignStatusUseCase, LinkAgreementUseCase, ReviewCampaignUseCase, CampaignQueries],
  exports: [CampaignQueries],
})
export class CampaignsModule {}
