import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

import { HttpApiModule } from '../http-api.module';

export const DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';

/** The OpenAPI document of the HTTP API: either credential scheme works on every secured route. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('jdpipe API')
    .setDescription(
      'Job descriptions in, explained decisions out: submit postings, read runs, work the review queue, browse the ' +
        'catalog. Every route but /health, /ready and /docs needs an API key (`jdpipe keys create`); errors are ' +
        'RFC 9457 application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'jdp_<prefix>_<secret>', description: 'An API key' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'The same API key, in its own header' }, 'apiKey')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('apiKey')
    .build();
  // The API's own routes only, so the served document equals the checked-in one whatever else the host mounts.
  return SwaggerModule.createDocument(app, config, { include: [HttpApiModule], deepScanRoutes: true });
}

/** Swagger UI at /docs and the JSON document at /docs/openapi.json (no YAML twin). */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'jdpipe API',
  });
}

/** JSON with every object's keys sorted, so the checked-in document only changes when the API does. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
