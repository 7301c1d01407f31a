import { CAMPAIGN_FIGURES } from '../campaigns/campaigns.projection';
import { CASE_PIPELINE } from '../cases/case-pipeline.projection';
import { INCIDENT_COUNTS } from '../incident-counts/incident-counts.projection';
import { MOVEMENT_PROJECTION } from '../movement/movement.projection';
import { TAXONOMY_NAMES } from '../taxonomy/taxonomy-names.projection';

/** What each projection owns in the database: rebuilt side by side, then swapped in. */
export interface ProjectionStorage {
  name: string;
  version: number;
  tables: string[];
  /** Views over those tables, recreated on the swapped tables. */
  views: string[];
}

export const projectionStorage: ProjectionStorage[] = [
  {
    ...MOVEMENT_PROJECTION,
    tables: ['report_units_v1', 'unit_paths_v1', 'unit_ratings_v1', 'unit_certifications_v1', 'hotspots_v1', 'pilot_units_v1', 'model_milestones_v1', 'forces_v1', 'training_v1'],
    views: ['unit_today_v1'],
  },
  { ...INCIDENT_COUNTS, tables: ['incident_counts_v1', 'incident_rollup_v1'], views: [] },
  {
    ...CAMPAIGN_FIGURES,
    tables: ['campaigns_v1', 'campaign_activities_v1', 'campaign_pledges_v1', 'agreements_v1', 'media_stories_v1', 'commendations_v1'],
    views: [],
  },
  { ...CASE_PIPELINE, tables: ['incident_cases_v1'], views: [] },
  { ...TAXONOMY_NAMES, tables: ['taxonomy_names_v1'], views: [] },
];

export const CONSUMER_TABLES = ['consumer_inbox', 'consumer_offsets', 'dead_letters'];
