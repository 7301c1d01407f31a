// Writes docs/openapi/<service>.json, each service's OpenAPI document exactly as it serves it at
// /api/docs/openapi.json (built the same way, from the controllers, without a database or broker):
// `npm run openapi:documents`. A test compares them with the code (drift).
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { campaignsEntry } from '@binh-yen/campaigns-app';
import { buildOpenApiDocument } from '@binh-yen/http';
import { incidentsEntry } from '@binh-yen/incidents-app';
import { reportingEntry } from '@binh-yen/reporting-app';
import { unitsEntry } from '@binh-yen/units-app';

/** Enough configuration to build the modules; preview mode connects nothing. */
const placeholderEnv = {
  NODE_ENV: 'development',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_JWT_SECRET: 'placeholder-secret-for-the-document-only-000',
};

export const documentedServices = [unitsEntry, incidentsEntry, campaignsEntry, reportingEntry].map((entry) => ({
  spec: entry.spec,
  module: () => entry.load(placeholderEnv).module,
}));

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
