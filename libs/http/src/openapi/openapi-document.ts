import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { documentProblems } from './problem-responses';

export interface OpenApiInfo {
  title: string;
  description: string;
}

/** A service's OpenAPI document: what its controllers declare, completed by the shared pipeline's answers (ADR 0046). */
export function buildOpenApiDocument(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(info.title)
      .setDescription(info.description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .build(),
  );
  // Who answers for the contract and on what terms; no invented addresses (docs/integration.md tells how to reach us).
  document.info.contact = { name: 'Bình Yên platform team (see docs/integration.md)' };
  document.info.license = { name: 'Proprietary: for the agencies granted access to the platform' };
  return documentProblems(document);
}
