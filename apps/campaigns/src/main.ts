import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadEnv } from '@binh-yen/http';
import { startService } from '@binh-yen/service-runtime';
import { CampaignsAppModule, campaignsService } from './app.module';
import { CampaignsEnv } from './config/campaigns.env';

async function main(): Promise<void> {
  const env = loadEnv(CampaignsEnv, process.env);
  const { url } = await startService(CampaignsAppModule.register(env), env, campaignsService);
  new Logger('campaigns').log(`listening on ${url} (API docs: ${url}/api/docs)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`campaigns failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
