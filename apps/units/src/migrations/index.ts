import { CreateUnitsRegistry1764300000000 } from './1764300000000-create-units-registry';
import { CreateUnitsAudit1764600000000 } from './1764600000000-create-units-audit';
import { RestrictUnitCodes1766000000000 } from './1766000000000-restrict-unit-codes';
import { UnitCoordinates1766700000000 } from './1766700000000-unit-coordinates';

/** In order; the only way the units schema changes. */
export const unitsMigrations = [CreateUnitsRegistry1764300000000, CreateUnitsAudit1764600000000, RestrictUnitCodes1766000000000, UnitCoordinates1766700000000];
