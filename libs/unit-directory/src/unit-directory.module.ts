import { Module } from '@nestjs/common';
import { KnownUnitsProjection } from './known-units.projection';
import { UnitDirectory } from './unit-directory';

/**
 * The local replica of units a service keeps from the units events (it never calls
 * the units service). Its migrations must include `createKnownUnitsTableSql`.
 */
@Module({
  controllers: [KnownUnitsProjection],
  providers: [UnitDirectory],
  exports: [UnitDirectory],
})
export class UnitDirectoryModule {}
