import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';

import type { EmbeddedConfig } from '@jdpipe/config';

import { EmbeddedModule } from './embedded.module';

/** Boots the embedded pipeline: migrations, catalog sync, the four stages subscribed to the in-process bus. */
export async function startEmbeddedApp(config: EmbeddedConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(EmbeddedModule.forRoot(config), { logger: ['error', 'warn'] });
}
