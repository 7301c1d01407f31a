import { Module } from '@nestjs/common';
import { CampaignsSharedModule } from '../shared/campaigns-shared.module';
import { AgreementQueries } from './agreement.queries';
import { AgreementsController } from './agreements.controller';
import { RecordAgreementUseCase } from './record-agreement.use-case';

@Module({
  imports: [CampaignsSharedModule],
  controllers: [AgreementsController],
  providers: [RecordAgreementUseCase, AgreementQueries],
})
export class AgreementsModule {}
