import 'reflect-metadata';

import type { AddressInfo } from 'node:net';

import { Module, type DynamicModule, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { loadEmbeddedConfig, type EmbeddedConfig } from '@jdpipe/config';
import { AdminSessions, configureHttpApi, HttpApiModule, POSTING_INTAKE } from '@jdpipe/http-api';
import type { LlmConfig } from '@jdpipe/llm';
import { ApiKeyStore, CatalogStore, ReviewQueueStore, type ApiKeyRole } from '@jdpipe/persistence';
import { CatalogRuntime } from '@jdpipe/pipeline-stages';
import { ReviewService } from '@jdpipe/review';
import { HealthModule } from '@jdpipe/runtime';

import { EmbeddedModule } from '../embedded/embedded.module';
import { PostingSubmitter } from '../ingest/posting-submitter';
import { EmbeddedPostingIntake } from './embedded-posting-intake';

export const DEFAULT_SERVE_PORT = 8765;
export const DEFAULT_SERVE_HOST = '127.0.0.1';

export interface AdminServerOptions {
  /** Default 8765; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the embedded server is for this machine unless told otherwise. */
  host?: string;
  /** Default: the environment's embedded settings (JDPIPE_DATA_DIR …); `dataDir: null` keeps nothing. */
  config?: EmbeddedConfig;
  llm?: LlmConfig;
  /** Default JDPIPE_API_RATE_LIMIT_PER_MINUTE, else 600. */
  rateLimitPerMinute?: number;
  /** Default dist/admin-web of this repository. */
  adminWebDir?: string;
  /** Nest log levels; default errors and warnings. */
  logLevels?: LogLevel[];
}

export interface RunningAdminServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  /** A one-time admin login link, printed at start. */
  loginUrl: string;
  app: NestExpressApplication;
  /** Another one-time login link (each works once, for 15 minutes). */
  newLoginUrl(): string;
  /** Creates an API key in this server's database and returns its plaintext. */
  createApiKey(name: string, role: ApiKeyRole): Promise<string>;
  close(): Promise<void>;
}

/**
 * The embedded pipeline and what it gives the API, globally: the intake over the in-process bus, and a review
 * service whose catalog changes reload this process's matchers, so the next run already uses them.
 */
@Module({})
class EmbeddedApiHostModule {
  static forRoot(config: EmbeddedConfig, llm: LlmConfig | undefined): DynamicModule {
    return {
      module: EmbeddedApiHostModule,
      global: true,
      imports: [EmbeddedModule.forRoot(config, llm)],
      providers: [
        {
          provide: POSTING_INTAKE,
          useFactory: (submitter: PostingSubmitter) => new EmbeddedPostingIntake(submitter),
          inject: [PostingSubmitter],
        },
        {
          provide: ReviewService,
          useFactory: (queue: ReviewQueueStore, catalog: CatalogStore, runtime: CatalogRuntime) =>
            new ReviewService(queue, catalog, async () => {
              await runtime.reload();
            }),
          inject: [ReviewQueueStore, CatalogStore, CatalogRuntime],
        },
      ],
      exports: [POSTING_INTAKE, ReviewService],
    };
  }
}

@Module({})
class AdminServerModule {
  static forRoot(config: EmbeddedConfig, llm: LlmConfig | undefined, rateLimitPerMinute: number | undefined): DynamicModule {
    return {
      module: AdminServerModule,
      imports: [EmbeddedApiHostModule.forRoot(config, llm), HttpApiModule.forRoot({ rateLimitPerMinute }), HealthModule],
    };
  }
}

/**
 * `jdpipe serve`: the embedded pipeline, the HTTP API and the web admin in one process, bound to 127.0.0.1 by
 * default. Tests start it with `port: 0` and `config.dataDir: null`.
 */
export async function startAdminServer(options: AdminServerOptions = {}): Promise<RunningAdminServer> {
  const config = options.config ?? loadEmbeddedConfig();
  const app = await NestFactory.create<NestExpressApplication>(AdminServerModule.forRoot(config, options.llm, options.rateLimitPerMinute), {
    logger: options.logLevels ?? ['error', 'warn'],
    abortOnError: false,
  });
  try {
    configureHttpApi(app, { adminWebDir: options.adminWebDir });
    const host = options.host ?? DEFAULT_SERVE_HOST;
    await app.listen(options.port ?? DEFAULT_SERVE_PORT, host);
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const sessions = app.get(AdminSessions);
    const newLoginUrl = () => `${url}/admin/login?token=${sessions.issueLoginToken()}`;
    const keys = app.get(ApiKeyStore);
    return {
      url,
      loginUrl: newLoginUrl(),
      app,
      newLoginUrl,
      createApiKey: async (name, role) => (await keys.create(name, role)).key,
      close: () => app.close(),
    };
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
