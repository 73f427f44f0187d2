import { HttpException, HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { HttpResponse } from '../http-exchange';

import type { AuthenticatedRequest } from '../auth/current-principal.decorator';
import { TokenBuckets } from './token-bucket';

/** The token buckets of the API, keyed by principal; provided by the HTTP API module. */
export const API_RATE_LIMIT = Symbol('API_RATE_LIMIT');

/** Runs after the auth guard: each key (or admin session) gets its own bucket; public routes are not limited. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(@Inject(API_RATE_LIMIT) private readonly buckets: TokenBuckets) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) return true;
    const decision = this.buckets.take(principal.keyId);
    const response = context.switchToHttp().getResponse<HttpResponse>();
    if (decision.allowed) {
      response.setHeader('RateLimit-Remaining', String(decision.remaining));
      return true;
    }
    response.setHeader('Retry-After', String(decision.retryAfterSeconds));
    throw new HttpException(
      { title: 'Too Many Requests', detail: `the rate limit of this key is reached; retry in ${decision.retryAfterSeconds} s` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
