import { Module, type DynamicModule } from '@nestjs/common';
import { platformModules, type ServiceSpec } from '@binh-yen/service-runtime';
import type { CampaignsEnv } from './config/campaigns.env';
import { campaignsMigrations } from './migrations';

/** Skeleton until issue 5: joint campaigns, agreements, activities, press, commendations. */
export const campaignsService: ServiceSpec = {
  name: 'campaigns',
  title: 'Bình Yên — Campaigns',
  description: 'Phong trào, quy chế phối hợp liên tịch, hoạt động, khen thưởng (campaigns and coordination)',
  migrations: campaignsMigrations,
  producesEvents: true,
};

@Module({})
export class CampaignsAppModule {
  static register(env: CampaignsEnv): DynamicModule {
    return { module: CampaignsAppModule, imports: platformModules(env, campaignsService) };
  }
}
