import { CreateIncidents1764300000000 } from './1764300000000-create-incidents';
import { IncidentLifecycle1764900000000 } from './1764900000000-incident-lifecycle';
import { DateLifecycleSteps1766100000000 } from './1766100000000-date-lifecycle-steps';

/** In order; the only way the incidents schema changes. */
export const incidentsMigrations = [CreateIncidents1764300000000, IncidentLifecycle1764900000000, DateLifecycleSteps1766100000000];
