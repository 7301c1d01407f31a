import { Module, type DynamicModule } from '@nestjs/common';
import { KnownUnitsProjection } from './known-units.projection';
import { UnitDirectory } from './unit-directory';
import { UNIT_PROBLEM_PREFIX, UnitResolver } from './unit-resolver';

/**
 * The local replica of units a service keeps from the units events (it never calls
 * the units service). Its migrations must include `createKnownUnitsTableSql`.
 */
@Module({})
export class UnitDirectoryModule {
  /** `problemPrefix`: the service's name in its problem types (`incident` → `urn:binh-yen:problem:incident-unknown-unit`). */
  static forService(problemPrefix: string): DynamicModule {
    return {
      module: UnitDirectoryModule,
      controllers: [KnownUnitsProjection],
      providers: [UnitDirectory, UnitResolver, { provide: UNIT_PROBLEM_PREFIX, useValue: problemPrefix }],
      exports: [UnitDirectory, UnitResolver],
    };
  }
}
