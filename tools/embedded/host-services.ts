import type { LoggerService } from '@nestjs/common';
import { loadEnv } from '@binh-yen/http';
import { type ServiceEnv } from '@binh-yen/service-runtime';
import { LOG_LEVELS, startService, type RunningService, type ServiceSpec } from '@binh-yen/service-runtime';
import { CampaignsAppModule, campaignsService } from '../../apps/campaigns/src/app.module';
import { CampaignsEnv } from '../../apps/campaigns/src/config/campaigns.env';
import { IncidentsAppModule, incidentsService } from '../../apps/incidents/src/app.module';
import { IncidentsEnv } from '../../apps/incidents/src/config/incidents.env';
import { ReportingAppModule, reportingService } from '../../apps/reporting/src/app.module';
import { ReportingEnv } from '../../apps/reporting/src/config/reporting.env';
import { UnitsAppModule, unitsService } from '../../apps/units/src/app.module';
import { UnitsEnv } from '../../apps/units/src/config/units.env';
import type { EmbeddedDatabases } from './embedded-databases';
import { SERVICE_NAMES, type EmbeddedSettings, type ServiceName } from './embedded-settings';
import { runAs, ServiceTaggedLogger } from './service-logger';

/** How each service is built from its validated env: what its main.ts does. */
const builders: Record<ServiceName, (variables: NodeJS.ProcessEnv) => { module: unknown; env: ServiceEnv; spec: ServiceSpec }> = {
  units: (variables) => {
    const env = loadEnv(UnitsEnv, variables);
    return { module: UnitsAppModule.register(env), env, spec: unitsService };
  },
  incidents: (variables) => {
    const env = loadEnv(IncidentsEnv, variables);
    return { module: IncidentsAppModule.register(env), env, spec: incidentsService };
  },
  campaigns: (variables) => {
    const env = loadEnv(CampaignsEnv, variables);
    return { module: CampaignsAppModule.register(env), env, spec: campaignsService };
  },
  reporting: (variables) => {
    const env = loadEnv(ReportingEnv, variables);
    return { module: ReportingAppModule.register(env), env, spec: reportingService };
  },
};

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
      const { module, env, spec } = builders[service](embeddedVariables(service, settings, databases));
      const logger: LoggerService = new ServiceTaggedLogger(LOG_LEVELS[env.LOG_LEVEL]);
      running[service] = await runAs(service, () => startService(module, env, spec, { logger }));
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
