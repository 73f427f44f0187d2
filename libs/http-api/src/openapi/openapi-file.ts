import 'reflect-metadata';

import { readFileSync, writeFileSync } from 'node:fs';

import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { EVENT_BUS } from '@jdpipe/messaging';
import { CatalogStore, ReviewQueueStore, RunStore } from '@jdpipe/persistence';
import { CatalogRuntime } from '@jdpipe/pipeline-stages';
import { ReviewService } from '@jdpipe/review';

import { POSTING_INTAKE } from '../http-api.ports';
import { HttpApiModule } from '../http-api.module';
import { buildOpenApiDocument, stableJson } from './openapi.document';

/**
 * Stand-ins for what a host provides (database, stores, bus, review service, intake), under the same tokens so
 * the module graph resolves. In preview mode Nest never creates them, nor any other provider.
 */
const HOST_TOKENS = [DataSource, RunStore, CatalogStore, ReviewQueueStore, CatalogRuntime, ReviewService, EVENT_BUS, POSTING_INTAKE];

@Global()
@Module({ providers: HOST_TOKENS.map((token) => ({ provide: token, useValue: {} })), exports: HOST_TOKENS })
class DocumentOnlyHostModule {}

@Module({ imports: [DocumentOnlyHostModule, HttpApiModule] })
class OpenApiDocumentModule {}

/**
 * The OpenAPI document as stable JSON, built without a database or broker: Nest's preview mode reads the
 * controllers and their decorators without creating a single provider.
 */
async function renderOpenApiDocument(): Promise<string> {
  const app = await NestFactory.create(OpenApiDocumentModule, { preview: true, logger: false, abortOnError: false });
  try {
    return stableJson(buildOpenApiDocument(app));
  } finally {
    await app.close();
  }
}

/** `npm run openapi` writes the file; `npm run openapi:check` exits 1 when the checked-in file is stale. */
export async function openApiFileCommand(file: string, check: boolean): Promise<number> {
  const rendered = await renderOpenApiDocument();
  if (!check) {
    writeFileSync(file, rendered);
    process.stderr.write(`wrote ${file}\n`);
    return 0;
  }
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // A missing file is as stale as a different one.
  }
  if (current === rendered) {
    process.stderr.write(`${file} is current\n`);
    return 0;
  }
  process.stderr.write(`${file} does not match the API: run \`npm run openapi\` and commit the result\n`);
  return 1;
}
