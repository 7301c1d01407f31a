import { Module } from '@nestjs/common';
import { AgreementQueries } from './agreement.queries';
import { AgreementsController } from './agreements.controller';
import { RecordAgreementUseCase } from './record-agreement.use-case';

@Module({
  controllers: [AgreementsController],
  providers: [RecordAgreementUseCase, AgreementQueries],
})
export class AgreementsModule {}
