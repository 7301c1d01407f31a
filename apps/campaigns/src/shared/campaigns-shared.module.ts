import { Global, Module } from '@nestjs/common';
import { CommandPipelineModule } from '@binh-yen/command-pipeline';
import { UnitDirectoryModule } from '@binh-yen/unit-directory';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { CampaignsRepository } from '../campaigns/campaigns.repository';
import { UnitResolver } from './unit-resolver';

/** What every feature module of the service stands on: units replica, idempotency, repositories. */
@Global()
@Module({
  imports: [CommandPipelineModule, UnitDirectoryModule],
  providers: [UnitResolver, CampaignsRepository, AgreementsRepository],
  exports: [CommandPipelineModule, UnitDirectoryModule, UnitResolver, CampaignsRepository, AgreementsRepository],
})
export class CampaignsSharedModule {}
