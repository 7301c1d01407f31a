import { Global, Module } from '@nestjs/common';
import { CommandPipelineModule } from '@binh-yen/command-pipeline';
import { UnitsRepository } from './units.repository';

@Global()
@Module({ imports: [CommandPipelineModule], providers: [UnitsRepository], exports: [UnitsRepository, CommandPipelineModule] })
export class UnitsSharedModule {}
