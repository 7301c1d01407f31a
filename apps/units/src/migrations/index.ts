import { CreateUnitsRegistry1764300000000 } from './1764300000000-create-units-registry';

/** In order; the only way the units schema changes. */
export const unitsMigrations = [CreateUnitsRegistry1764300000000];
