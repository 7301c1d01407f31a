import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@binh-yen/audit';
import { platformModules, type ServiceSpec } from '@binh-yen/service-runtime';
import { AgreementsModule } from './agreements/agreements.module';
import { CampaignWorkModule } from './campaign-work/campaign-work.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import type { CampaignsEnv } from './config/campaigns.env';
import { campaignsMigrations } from './migrations';
import { RecognitionModule } from './recognition/recognition.module';

/** Joint campaigns, agreements, activities, pledges, press and commendations (clauses 2, 6). */
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
    return {
      module: CampaignsAppModule,
      imports: [...platformModules(env, campaignsService), AuditModule, CampaignsModule, CampaignWorkModule, AgreementsModule, RecognitionModule],
    };
  }
}
