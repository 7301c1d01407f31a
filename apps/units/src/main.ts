import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadEnv } from '@binh-yen/http';
import { startService } from '@binh-yen/service-runtime';
import { UnitsAppModule, unitsService } from './app.module';
import { UnitsEnv } from './config/units.env';

async function main(): Promise<void> {
  const env = loadEnv(UnitsEnv, process.env);
  const { url } = await startService(UnitsAppModule.register(env), env, unitsService);
  new Logger('units').log(`listening on ${url} (API docs: ${url}/api/docs)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`units failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
