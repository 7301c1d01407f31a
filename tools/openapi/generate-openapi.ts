// Writes docs/openapi/<service>.json, each service's OpenAPI document exactly as it serves it at
// /api/docs/openapi.json (built the same way, from the controllers, without a database or broker):
// `npm run openapi:documents`. A test compares them with the code (drift).
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, loadEnv } from '@binh-yen/http';
import { CampaignsAppModule, campaignsService } from '../../apps/campaigns/src/app.module';
import { CampaignsEnv } from '../../apps/campaigns/src/config/campaigns.env';
import { IncidentsAppModule, incidentsService } from '../../apps/incidents/src/app.module';
import { IncidentsEnv } from '../../apps/incidents/src/config/incidents.env';
import { ReportingAppModule, reportingService } from '../../apps/reporting/src/app.module';
import { ReportingEnv } from '../../apps/reporting/src/config/reporting.env';
import { UnitsAppModule, unitsService } from '../../apps/units/src/app.module';
import { UnitsEnv } from '../../apps/units/src/config/units.env';

/** Enough configuration to build the modules; preview mode connects nothing. */
const placeholderEnv = {
  NODE_ENV: 'development',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_JWT_SECRET: 'placeholder-secret-for-the-document-only-000',
};

export const documentedServices = [
  { spec: unitsService, module: () => UnitsAppModule.register(loadEnv(UnitsEnv, placeholderEnv)) },
  { spec: incidentsService, module: () => IncidentsAppModule.register(loadEnv(IncidentsEnv, placeholderEnv)) },
  { spec: campaignsService, module: () => CampaignsAppModule.register(loadEnv(CampaignsEnv, placeholderEnv)) },
  { spec: reportingService, module: () => ReportingAppModule.register(loadEnv(ReportingEnv, placeholderEnv)) },
] as const;

export async function openApiDocumentOf(service: (typeof documentedServices)[number]): Promise<OpenAPIObject> {
  const app = await NestFactory.create(service.module() as DynamicModule, { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app, { title: service.spec.title, description: service.spec.description });
  } finally {
    await app.close();
  }
}

export const openApiFolder = join(__dirname, '..', '..', 'docs', 'openapi');

async function main(): Promise<void> {
  mkdirSync(openApiFolder, { recursive: true });
  for (const service of documentedServices) {
    const target = join(openApiFolder, `${service.spec.name}.json`);
    writeFileSync(target, `${JSON.stringify(await openApiDocumentOf(service), null, 2)}\n`);
    process.stdout.write(`wrote ${target}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
