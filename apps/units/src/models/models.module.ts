import { Module } from '@nestjs/common';
import { UnitsSharedModule } from '../shared/shared.module';
import { ModelsController } from './models.controller';
import { ModelsRepository } from './models.repository';
import { RecogniseModelUseCase } from './recognise-model.use-case';
import { RegisterModelUseCase } from './register-model.use-case';
import { ReplicateModelUseCase } from './replicate-model.use-case';
import { ReviewModelUseCase } from './review-model.use-case';

@Module({
  imports: [UnitsSharedModule],
  controllers: [ModelsController],
  providers: [ModelsRepository, RegisterModelUseCase, ReviewModelUseCase, RecogniseModelUseCase, ReplicateModelUseCase],
})
export class ModelsModule {}
