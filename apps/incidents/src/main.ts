import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadEnv } from '@binh-yen/http';
import { startService } from '@binh-yen/service-runtime';
import { IncidentsAppModule, incidentsService } from './app.module';
import { IncidentsEnv } from './config/incidents.env';

async function main(): Promise<void> {
  const env = loadEnv(IncidentsEnv, process.env);
  const { url } = await startService(IncidentsAppModule.register(env), env, incidentsService);
  new Logger('incidents').log(`listening on ${url} (API docs: ${url}/api/docs)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`incidents failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
