import { CreateIncidents1764300000000 } from './1764300000000-create-incidents';
import { IncidentLifecycle1764900000000 } from './1764900000000-incident-lifecycle';
import { DateLifecycleSteps1766100000000 } from './1766100000000-date-lifecycle-steps';
import { PublishTaxonomy1766400000000 } from './1766400000000-publish-taxonomy';

/** In order; the only way the incidents schema changes. */
export const incidentsMigrations = [CreateIncidents1764300000000, IncidentLifecycle1764900000000, DateLifecycleSteps1766100000000, PublishTaxonomy1766400000000];
