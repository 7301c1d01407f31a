import type { LoggerService } from '@nestjs/common';
import { LOG_LEVELS, startService, type RunningService, type ServiceEntry } from '@binh-yen/service-runtime';
import { campaignsEntry } from '@binh-yen/campaigns-app';
import { incidentsEntry } from '@binh-yen/incidents-app';
import { reportingEntry } from '@binh-yen/reporting-app';
import { unitsEntry } from '@binh-yen/units-app';
import type { EmbeddedDatabases } from './embedded-databases';
import { SERVICE_NAMES, type EmbeddedSettings, type ServiceName } from './embedded-settings';
import { runAs, ServiceTaggedLogger } from './service-logger';

/** Each service through its public entry: built from its validated env as its main.ts builds it. */
const entries: Record<ServiceName, ServiceEntry> = { units: unitsEntry, incidents: incidentsEntry, campaigns: campaignsEntry, reporting: reportingEntry };

export type HostedServices = Record<ServiceName, RunningService>;

/** The variables a service gets in the embedded mode, over whatever the shell has. */
export function embeddedVariables(service: ServiceName, settings: EmbeddedSettings, databases: EmbeddedDatabases): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(settings.ports[service]),
    HOST: settings.host,
    DATABASE_URL: databases.urls[service],
    // One PGlite session serves every connection; a few are plenty.
    DATABASE_POOL_SIZE: '4',
    DATABASE_MIGRATE_ON_START: 'true',
    EVENT_TRANSPORT: 'embedded',
    EMBEDDED_EVENTS_URL: databases.urls.events,
    KAFKA_TOPIC_PREFIX: '',
    AUTH_JWT_SECRET: settings.signing.secret,
    INCIDENTS_INFORMANT_KEY: settings.informantKey,
    LOG_FORMAT: 'text',
    LOG_LEVEL: settings.logLevel,
  };
}

/**
 * The four services as Nest apps in this one process, each started exactly as
 * its main.ts would, inside its own logging context.
 */
export async function hostServices(settings: EmbeddedSettings, databases: EmbeddedDatabases): Promise<HostedServices> {
  const running: Partial<HostedServices> = {};
  try {
    for (const service of SERVICE_NAMES) {
      const { module, env } = entries[service].load(embeddedVariables(service, settings, databases));
      const logger: LoggerService = new ServiceTaggedLogger(LOG_LEVELS[env.LOG_LEVEL]);
      running[service] = await runAs(service, () => startService(module, env, entries[service].spec, { logger }));
    }
  } catch (error) {
    await stopServices(running);
    throw error;
  }
  return running as HostedServices;
}

/** Reporting first (it only reads), units last (the others may still be consuming its events). */
export async function stopServices(services: Partial<HostedServices>): Promise<void> {
  for (const service of [...SERVICE_NAMES].reverse()) {
    const running = services[service];
    if (running) await runAs(service, () => running.stop()).catch(() => undefined);
  }
}
