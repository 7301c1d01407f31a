import { Logger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { attachHttpMetrics, HttpMetrics, observeHttp } from './http-observability';
import { ProblemDetailsFilter } from './problem-details.filter';
import { rateLimit } from './rate-limit';
import { requestContext } from './request-context';
import { assertUtf8, requestHygiene } from './request-hygiene';
import { securityHeaders } from './security-headers';
import { createValidationPipe } from './validation';

export interface HttpAppOptions {
  title: string;
  description: string;
  bodyLimit?: string;
  logger?: LoggerService | false;
  /** Origins allowed to call from a browser; none means CORS stays off. */
  corsOrigins?: string[];
  /** Requests a minute per client address; 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Names the server spans' tracer (the service); defaults to the title. */
  serviceName?: string;
}

/** One way every service speaks HTTP: problem details, validation, OpenAPI, limits. */
export async function createHttpApp(module: unknown, options: HttpAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(module as never, {
    bodyParser: false,
    logger: options.logger === false ? false : (options.logger ?? new Logger()),
    abortOnError: false,
  });
  configureHttpApp(app, options);
  return app;
}

export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  // First, so the metrics and the server span cover every answer, refusals included.
  const metrics = new HttpMetrics();
  attachHttpMetrics(app, metrics);
  app.use(observeHttp(options.serviceName ?? options.title, metrics));
  app.use(requestContext);
  app.use(securityHeaders);
  if (options.rateLimitPerMinute) app.use(rateLimit(options.rateLimitPerMinute));
  app.use(json({ limit: options.bodyLimit ?? '256kb', strict: true, verify: assertUtf8 }));
  app.use(requestHygiene);
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.enableCors({ origin: options.corsOrigins, allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match'], exposedHeaders: ['Content-Disposition', 'Retry-After'] });
  }
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
