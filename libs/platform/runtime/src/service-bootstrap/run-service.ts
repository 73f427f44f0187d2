import 'reflect-metadata';

import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { loadServiceConfig } from '@jdpipe/config';
import { createJsonLogger, NestJsonLogger, type RunningTelemetry } from '@jdpipe/telemetry';

export interface RunServiceOptions {
  /** Sets up the HTTP app before it listens: the gateway hosts the HTTP API (and its body parser) this way. */
  configureApp?(app: NestExpressApplication): void;
}

/**
 * Starts one service of the deployment: Nest with JSON logs and its HTTP port (health, readiness, and the
 * gateway's API). SIGTERM closes the app — consumers stop fetching and finish or hand back the message in
 * hand, then the database closes — flushes telemetry and exits; after the grace period it exits anyway.
 */
export async function runService(
  serviceName: string,
  module: unknown,
  telemetry: RunningTelemetry,
  options: RunServiceOptions = {},
): Promise<INestApplication> {
  const config = loadServiceConfig(serviceName);
  const logger = createJsonLogger(serviceName);
  const app = await NestFactory.create<NestExpressApplication>(module as never, { logger: new NestJsonLogger(logger) });
  options.configureApp?.(app);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping ${serviceName}`);
    setTimeout(() => {
      logger.error(`${serviceName} did not stop within ${config.shutdownGraceMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownGraceMs).unref();
    await app.close();
    await telemetry.shutdown();
    process.exit(0);
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
  await app.listen(config.httpPort, process.env.HTTP_HOST ?? '0.0.0.0');
  logger.info(`${serviceName} listening on port ${config.httpPort}`);
  return app;
}
