import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { AdminSessionStore, ApiKeyStore } from '@jdpipe/persistence';

import { AdminLoginController } from './admin-hosting/admin-login.controller';
import { AdminSessions } from './auth/admin-sessions';
import { ApiAuthGuard } from './auth/api-auth.guard';
import { KeySignIn } from './auth/key-sign-in';
import { MeController } from './auth/me.controller';
import { SignInThrottle } from './auth/sign-in-throttle';
import { CatalogApiModule } from './catalog/catalog-api.module';
import { CompatApiModule } from './compat/compat-api.module';
import { PostingsApiModule } from './postings/postings-api.module';
import { ProblemDetailsFilter } from './problem-details/problem-details.filter';
import { invalidRequest } from './problem-details/validation-errors';
import { loadRateLimitPerMinute } from './rate-limit/rate-limit.config';
import { API_RATE_LIMIT, RateLimitGuard } from './rate-limit/rate-limit.guard';
import { TokenBuckets } from './rate-limit/token-bucket';
import { ReviewApiModule } from './review/review-api.module';
import { RunsApiModule } from './runs/runs-api.module';
import { StatsApiModule } from './stats/stats-api.module';

export interface HttpApiOptions {
  /** Requests per minute and key; default JDPIPE_API_RATE_LIMIT_PER_MINUTE, else 600. */
  rateLimitPerMinute?: number;
}

/**
 * The HTTP API of jdpipe, hosted by the gateway (Kafka deployment) and by `jdpipe serve` (embedded). It brings
 * its own guards (API keys and roles first, then the rate limit), the problem+json error filter and body
 * validation; the host supplies the database, the stores, `ReviewService` and `POSTING_INTAKE`, and calls
 * `configureHttpApi` on the app.
 */
@Module({
  imports: [PostingsApiModule, RunsApiModule, ReviewApiModule, CatalogApiModule, StatsApiModule, CompatApiModule],
  controllers: [MeController, AdminLoginController],
  providers: [
    { provide: ApiKeyStore, useFactory: (dataSource: DataSource) => new ApiKeyStore(dataSource), inject: [DataSource] },
    {
      provide: AdminSessions,
      useFactory: (dataSource: DataSource) => new AdminSessions(new AdminSessionStore(dataSource)),
      inject: [DataSource],
    },
    {
      provide: KeySignIn,
      useFactory: (keys: ApiKeyStore, sessions: AdminSessions) => new KeySignIn(keys, sessions, new SignInThrottle()),
      inject: [ApiKeyStore, AdminSessions],
    },
    { provide: API_RATE_LIMIT, useFactory: () => new TokenBuckets(loadRateLimitPerMinute()) },
    { provide: APP_GUARD, useClass: ApiAuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({
        transform: true,
        whitelist: true,
        exceptionFactory: (errors) => invalidRequest('Invalid request', errors),
      }),
    },
  ],
  exports: [ApiKeyStore, AdminSessions],
})
export class HttpApiModule {
  /** Imported as is, the module reads its settings from the environment; `forRoot` sets them in code. */
  static forRoot(options: HttpApiOptions = {}): DynamicModule {
    const providers = options.rateLimitPerMinute
      ? [{ provide: API_RATE_LIMIT, useValue: new TokenBuckets(options.rateLimitPerMinute) }]
      : [];
    return { module: HttpApiModule, providers };
  }
}
