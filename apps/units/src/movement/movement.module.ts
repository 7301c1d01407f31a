import { Module } from '@nestjs/common';
import { UnitsSharedModule } from '../shared/shared.module';
import { CertifyUnitUseCase } from './certify-unit.use-case';
import { DesignateHotspotUseCase } from './designate-hotspot.use-case';
import { DesignatePilotUseCase } from './designate-pilot.use-case';
import { MovementController } from './movement.controller';
import { MovementQueries } from './movement.queries';
import { RateUnitUseCase } from './rate-unit.use-case';

@Module({
  imports: [UnitsSharedModule],
  controllers: [MovementController],
  providers: [RateUnitUseCase, CertifyUnitUseCase, DesignateHotspotUseCase, DesignatePilotUseCase, MovementQueries],
})
export class MovementModule {}
