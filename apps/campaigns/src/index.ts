// The campaigns service's public entry (ADR 0053): what the platform host, the tools and the benches may
// use of it. Nothing outside apps/campaigns imports another file of its src/ (the boundary rule refuses it).
import { loadEnv } from '@binh-yen/http';
import type { ServiceEntry } from '@binh-yen/service-runtime';
import { CampaignsAppModule, campaignsService } from './app.module';
import { CampaignsEnv } from './config/campaigns.env';

export { CampaignsEnv };

/** The service as main.ts starts it and a host composes it. */
export const campaignsEntry: ServiceEntry<CampaignsEnv> = {
  spec: campaignsService,
  load(variables) {
    const env = loadEnv(CampaignsEnv, variables);
    return { env, module: CampaignsAppModule.register(env) };
  },
};
