import { Module } from '@nestjs/common';
import { CommandPipelineModule } from '@binh-yen/command-pipeline';
import { UnitsRepository } from './units.repository';

/** What the units feature modules stand on: the command pipeline and the units repository. Each imports it. */
@Module({ imports: [CommandPipelineModule], providers: [UnitsRepository], exports: [UnitsRepository, CommandPipelineModule] })
export class UnitsSharedModule {}
