import { CreateIncidentCounts1764300000000 } from './1764300000000-create-incident-counts';

/** In order; the only way the reporting schema changes. */
export const reportingMigrations = [CreateIncidentCounts1764300000000];
