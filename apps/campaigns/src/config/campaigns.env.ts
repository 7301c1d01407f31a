import { ServiceEnv } from '@binh-yen/service-runtime';

/** The campaigns service's environment; see .env.example. */
export class CampaignsEnv extends ServiceEnv {
  override PORT: number = 3103;
}
