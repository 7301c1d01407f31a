import { CreateIncidents1764300000000 } from './1764300000000-create-incidents';

/** In order; the only way the incidents schema changes. */
export const incidentsMigrations = [CreateIncidents1764300000000];
