import 'reflect-metadata';

import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import type { ServiceConfig } from '@jdpipe/config';

/**
 * Starts one service of the deployment: Nest with its HTTP port (health, readiness, and the gateway's API),
 * shutdown hooks so SIGTERM finishes or hands back in-flight work, and a hard stop after the grace period.
 */
export async function runService(module: unknown, config: ServiceConfig, logger: LoggerService): Promise<INestApplication> {
  const app = await NestFactory.create(module as never, { logger, bufferLogs: true });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        logger.error(`${config.serviceName} did not stop within ${config.shutdownGraceMs} ms; exiting`);
        process.exit(1);
      }, config.shutdownGraceMs).unref();
    });
  }
  await app.listen(config.httpPort, process.env.HTTP_HOST ?? '0.0.0.0');
  logger.log(`${config.serviceName} listening on ${config.httpPort}`);
  return app;
}
