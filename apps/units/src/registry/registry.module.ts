import { Module } from '@nestjs/common';
import { MeController } from './me.controller';
import { UnitsSharedModule } from '../shared/shared.module';
import { DissolveUnitUseCase } from './dissolve-unit.use-case';
import { MergeUnitsUseCase } from './merge-units.use-case';
import { MoveUnitUseCase } from './move-unit.use-case';
import { RegisterUnitUseCase } from './register-unit.use-case';
import { RenameUnitUseCase } from './rename-unit.use-case';
import { SplitUnitUseCase } from './split-unit.use-case';
import { SubtreeMover } from './subtree-mover';
import { UnitsController } from './units.controller';
import { UnitsQueries } from './units.queries';

@Module({
  imports: [UnitsSharedModule],
  controllers: [UnitsController, MeController],
  providers: [UnitsQueries, SubtreeMover, RegisterUnitUseCase, RenameUnitUseCase, MoveUnitUseCase, MergeUnitsUseCase, SplitUnitUseCase, DissolveUnitUseCase],
  exports: [RegisterUnitUseCase],
})
export class RegistryModule {}
