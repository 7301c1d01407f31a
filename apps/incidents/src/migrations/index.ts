import { CreateIncidents1764300000000 } from './1764300000000-create-incidents';
import { IncidentLifecycle1764900000000 } from './1764900000000-incident-lifecycle';

/** In order; the only way the incidents schema changes. */
export const incidentsMigrations = [CreateIncidents1764300000000, IncidentLifecycle1764900000000];
