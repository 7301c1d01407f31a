import { Module } from '@nestjs/common';
import { ForcesController } from './forces.controller';
import { RecordTrainingUseCase } from './record-training.use-case';
import { RegisterForceUseCase } from './register-force.use-case';

@Module({ controllers: [ForcesController], providers: [RegisterForceUseCase, RecordTrainingUseCase] })
export class ForcesModule {}
