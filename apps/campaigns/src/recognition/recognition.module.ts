import { Module } from '@nestjs/common';
import { CampaignsSharedModule } from '../shared/campaigns-shared.module';
import { AwardCommendationUseCase } from './award-commendation.use-case';
import { RecognitionController } from './recognition.controller';
import { RecognitionQueries } from './recognition.queries';
import { RecordStoryUseCase } from './record-story.use-case';

@Module({
  imports: [CampaignsSharedModule],
  controllers: [RecognitionController],
  providers: [RecordStoryUseCase, AwardCommendationUseCase, RecognitionQueries],
})
export class RecognitionModule {}
