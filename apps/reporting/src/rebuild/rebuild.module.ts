import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ProjectionRebuilder } from './projection-rebuilder';
import { RebuildController } from './rebuild.controller';

@Module({ imports: [DiscoveryModule], controllers: [RebuildController], providers: [ProjectionRebuilder] })
export class RebuildModule {}
