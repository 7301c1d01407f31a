import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadEnv } from '@binh-yen/http';
import { startService } from '@binh-yen/service-runtime';
import { ReportingAppModule, reportingService } from './app.module';
import { ReportingEnv } from './config/reporting.env';

async function main(): Promise<void> {
  const env = loadEnv(ReportingEnv, process.env);
  const { url } = await startService(ReportingAppModule.register(env), env, reportingService);
  new Logger('reporting').log(`listening on ${url} (API docs: ${url}/api/docs)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`reporting failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
