import { Logger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import { attachHttpMetrics, HttpMetrics, observeHttp } from './http-observability';
import { CONTRACT_LOG_VAR, contractRecorder } from './openapi/contract-recorder';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';
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
  /**
   * Express's `trust proxy`: which peers may tell the client's address in X-Forwarded-For (hops, or
   * addresses/CIDRs). `request.ip`, and so the per-address rate limit, follows it. Default: none.
   */
  trustProxy?: TrustProxy;
  /** Names the server spans' tracer (the service); defaults to the title. */
  serviceName?: string;
  /**
   * A folder to record every exchange that breaks the OpenAPI document in (the contract test,
   * ADR 0046); by default OPENAPI_CONTRACT_LOG, which the integration suites set. Off when neither.
   */
  contractLog?: string;
  /**
   * False: a process that serves no API (a projector, ADR 0038) answers only /health/* and /metrics
   * on its port; everything else, the OpenAPI documents included, is 404. Default true.
   */
  apiEnabled?: boolean;
}

/** One way every service speaks HTTP: problem details, validation, OpenAPI, limits. */
/** `false` (trust nobody), a number of hops, or addresses, CIDRs and names express knows (`loopback`, `uniquelocal`). */
export type TrustProxy = false | number | string[];

/** Parses TRUST_PROXY: `false`/empty, a hop count, or a comma-separated list. `true` (anyone) is refused by the env class. */
export function parseTrustProxy(value: string): TrustProxy {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed.split(',').map((item) => item.trim()).filter(Boolean);
}

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
  // Before anything reads request.ip. The rate limit itself is a guard (service-runtime's RateLimitModule).
  (app.getHttpAdapter().getInstance() as { set(setting: string, value: unknown): void }).set('trust proxy', options.trustProxy ?? false);
  // First, so the metrics and the server span cover every answer, refusals included.
  const metrics = new HttpMetrics();
  attachHttpMetrics(app, metrics);
  app.use(observeHttp(options.serviceName ?? options.title, metrics));
  const apiEnabled = options.apiEnabled ?? true;
  if (!apiEnabled) app.use(onlyHealthAndMetrics);
  app.use(requestContext);
  // Built before any route exists, but from the controllers' metadata, which is all there already.
  const document = buildOpenApiDocument(app, options);
  const contractLog = options.contractLog ?? process.env[CONTRACT_LOG_VAR];
  // Early, so it sees every answer, refusals by the other middleware included.
  if (contractLog) app.use(contractRecorder(document, contractLog, options.serviceName ?? options.title));
  app.use(securityHeaders);
  app.use(json({ limit: options.bodyLimit ?? '256kb', strict: true, verify: assertUtf8 }));
  app.use(requestHygiene);
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.enableCors({ origin: options.corsOrigins, allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match'], exposedHeaders: ['Content-Disposition', 'Retry-After'] });
  }
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (!apiEnabled) return;
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}

const OPERATIONS_PATH = /^\/(health\/(live|ready)|metrics)\/?$/;

/** With the API off: the orchestrator's probes and Prometheus only. */
function onlyHealthAndMetrics(request: Request, response: Response, next: NextFunction): void {
  if (OPERATIONS_PATH.test(request.path)) return next();
  response
    .status(404)
    .type(PROBLEM_CONTENT_TYPE)
    .json({
      type: problemType('api-disabled'),
      title: 'Không phục vụ API (No API here)',
      status: 404,
      detail: 'This process runs the projections only (HTTP_ENABLED=false); it answers /health/live, /health/ready and /metrics.',
    });
}
