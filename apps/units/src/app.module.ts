import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@binh-yen/audit';
import { platformModules, type ServiceSpec } from '@binh-yen/service-runtime';
import type { UnitsEnv } from './config/units.env';
import { ForcesModule } from './forces/forces.module';
import { unitsMigrations } from './migrations';
import { ModelsModule } from './models/models.module';
import { MovementModule } from './movement/movement.module';
import { RegistryModule } from './registry/registry.module';

/** The registry of the movement: units, reorganisations, ratings, pilots, models, forces (clauses 1, 3, 4). */
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
    return {
      module: UnitsAppModule,
      imports: [...platformModules(env, unitsService), AuditModule, RegistryModule, MovementModule, ModelsModule, ForcesModule],
    };
  }
}
