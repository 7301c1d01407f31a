import { Logger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation';

export interface HttpAppOptions {
  title: string;
  description: string;
  bodyLimit?: string;
  logger?: LoggerService | false;
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
  app.use(json({ limit: options.bodyLimit ?? '256kb', strict: true }));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
