import { Module, type DynamicModule } from '@nestjs/common';
import { platformModules, type ServiceSpec } from '@binh-yen/service-runtime';
import type { UnitsEnv } from './config/units.env';
import { unitsMigrations } from './migrations';

/** Skeleton until issue 3: the registry of units, forces, ratings and models. */
export const unitsService: ServiceSpec = {
  name: 'units',
  title: 'Bình Yên — Units',
  description: 'Đơn vị, lực lượng, xếp loại phong trào, mô hình (units, forces, ratings, models)',
  migrations: unitsMigrations,
  producesEvents: true,
};

@Module({})
export class UnitsAppModule {
  static register(env: UnitsEnv): DynamicModule {
    return { module: UnitsAppModule, imports: platformModules(env, unitsService) };
  }
}
