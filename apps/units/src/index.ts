// The units service's public entry (ADR 0053): what the platform host, the tools and the benches may
// use of it. Nothing outside apps/units imports another file of its src/ (the boundary rule refuses it).
import { join } from 'node:path';
import { loadEnv } from '@binh-yen/http';
import type { ServiceEntry } from '@binh-yen/service-runtime';
import { UnitsAppModule, unitsService } from './app.module';
import { UnitsEnv } from './config/units.env';

export { UnitsEnv };

/** The service as main.ts starts it and a host composes it. */
export const unitsEntry: ServiceEntry<UnitsEnv> = {
  spec: unitsService,
  load(variables) {
    const env = loadEnv(UnitsEnv, variables);
    return { env, module: UnitsAppModule.register(env) };
  },
};

/** The embedded host seeds Phú Thọ's units through the same import an administrator runs. */
export { ImportUnitsUseCase } from './import/import-units.use-case';

/** Phú Thọ's units as of Directive 11/CT-UB (1998), the embedded mode's first-start seed. */
export const PHU_THO_SEED_FILE = join(__dirname, '..', 'seed', 'phu-tho-1998.csv');
