import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';

import type { EmbeddedConfig } from '@jdpipe/config';
import type { LlmConfig } from '@jdpipe/llm';

import { EmbeddedModule } from './embedded.module';

/** Boots the embedded pipeline: migrations, catalog sync, the four stages subscribed to the in-process bus. */
export async function startEmbeddedApp(config: EmbeddedConfig, llm?: LlmConfig): Promise<INestApplicationContext> {
  // abortOnError off: a start-up failure (unwritable data folder, broken catalog) rejects here and the CLI
  // reports it in one line instead of Nest exiting the process with a stack trace.
  return NestFactory.createApplicationContext(EmbeddedModule.forRoot(config, llm), { logger: ['error', 'warn'], abortOnError: false });
}
