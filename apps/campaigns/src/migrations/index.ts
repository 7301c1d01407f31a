import { CreateCampaignsOutbox1764300000000 } from './1764300000000-create-campaigns-outbox';
import { CreateCampaigns1764800000000 } from './1764800000000-create-campaigns';

/** In order; the only way the campaigns schema changes. */
export const campaignsMigrations = [CreateCampaignsOutbox1764300000000, CreateCampaigns1764800000000];
