import { Module } from '@nestjs/common';
import { UnitsSharedModule } from '../shared/shared.module';
import { ForcesController } from './forces.controller';
import { RecordTrainingUseCase } from './record-training.use-case';
import { RegisterForceUseCase } from './register-force.use-case';

@Module({ imports: [UnitsSharedModule], controllers: [ForcesController], providers: [RegisterForceUseCase, RecordTrainingUseCase] })
export class ForcesModule {}
