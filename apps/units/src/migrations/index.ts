import { CreateUnitsOutbox1764300000000 } from './1764300000000-create-units-outbox';

/** In order; the only way the units schema changes. */
export const unitsMigrations = [CreateUnitsOutbox1764300000000];
