import { Module } from '@nestjs/common';
import { CommandPipelineModule } from '@binh-yen/command-pipeline';
import { UnitDirectoryModule } from '@binh-yen/unit-directory';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { CampaignsRepository } from '../campaigns/campaigns.repository';

/** What every feature module of the service stands on: units replica, idempotency, repositories. */
@Module({
  imports: [CommandPipelineModule, UnitDirectoryModule.forService('campaign')],
  providers: [CampaignsRepository, AgreementsRepository],
  exports: [CommandPipelineModule, UnitDirectoryModule, CampaignsRepository, AgreementsRepository],
})
export class CampaignsSharedModule {}
