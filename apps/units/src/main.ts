import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { CustomStrategy } from '@nestjs/microservices';
import { ProjectionServer } from '@binh-yen/messaging';
import { createServiceApp, listenService } from '@binh-yen/service-runtime';
import { unitsEntry } from './index';

async function main(): Promise<void> {
  const { env, module } = unitsEntry.load(process.env);
  const app = await createServiceApp(module, env, unitsEntry.spec);
  // The @EventPattern handlers consume through the projection transport, a Nest microservice
  // beside HTTP that inherits the app's guards, interceptors and filters (ADR 0030). It answers
  // at once and joins the broker in the background: the API serves while Kafka is away.
  app.connectMicroservice<CustomStrategy>({ strategy: app.get(ProjectionServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  const { url } = await listenService(app, env);
  new Logger('units').log(`listening on ${url} (API docs: ${url}/api/docs)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`units failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
