import {
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { HttpRequest, HttpResponse } from '../http-exchange';

import { ApiKeyStore, type ApiKeyRecord } from '@jdpipe/persistence';

import { AdminSessions, loginLinkPrincipal } from './admin-sessions';
import type { ApiPrincipal, AuthenticatedRequest } from './current-principal.decorator';
import { PUBLIC_ROUTE } from './public-route.decorator';
import { CSRF_HEADER, CSRF_HEADER_VALUE, isUnsafeMethod, requestCredential } from './request-credential';
import { REQUIRED_ROLES, type ApiRole } from './require-role.decorator';

/** Probes of the platform's health module, which cannot carry our decorator; they reveal no data. */
const PUBLIC_PATHS = new Set(['/health', '/ready']);

/**
 * Every route needs a credential unless it is public: an API key (Bearer or X-API-Key) or the admin session
 * cookie, whose session acts as the login link's admin or as the key it was signed in with. Missing, unknown or revoked → 401; a role the route does not accept → 403; cookie auth on an unsafe
 * method without the CSRF header → 403. The principal is put on the request for controllers and the rate limit.
 */
@Injectable()
export class ApiAuthGuard implements CanActivate {
  private readonly logger = new Logger('ApiAuth');

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ApiKeyStore) private readonly keys: ApiKeyStore,
    @Inject(AdminSessions) private readonly sessions: AdminSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<HttpRequest & AuthenticatedRequest>();
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) || PUBLIC_PATHS.has(request.path)) return true;

    const principal = await this.authenticate(request, context.switchToHttp().getResponse<HttpResponse>());
    const required = this.reflector.getAllAndOverride<ApiRole[] | undefined>(REQUIRED_ROLES, targets) ?? [];
    if (required.length > 0 && principal.role !== 'admin' && !required.includes(principal.role)) {
      throw new ForbiddenException(`this route needs the role ${required.join(' or ')}; the key "${principal.name}" has ${principal.role}`);
    }
    request.principal = principal;
    return true;
  }

  private async authenticate(request: HttpRequest, response: HttpResponse): Promise<ApiPrincipal> {
    const credential = requestCredential(request.headers);
    const refuse = (detail: string) => {
      response.setHeader('WWW-Authenticate', 'Bearer realm="jdpipe"');
      return new UnauthorizedException(detail);
    };
    if (!credential) throw refuse('send an API key as "Authorization: Bearer <key>" or "X-API-Key: <key>"');
    if (credential.kind === 'api-key') return this.principalOfKey(credential.key, refuse);
    const grant = await this.sessions.grantOf(credential.sessionId);
    if (!grant) throw refuse('the admin session has ended or expired; sign in again at /admin/login');
    if (isUnsafeMethod(request.method) && request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
      throw new ForbiddenException(
        `requests with the session cookie that change data need the header X-Requested-With: ${CSRF_HEADER_VALUE}`,
      );
    }
    if (grant.kind === 'login-link') return loginLinkPrincipal(credential.sessionId);
    // A key revoked since the sign-in takes its session with it.
    const record = await this.keys.findById(grant.keyId);
    if (!record || record.revokedAt) await this.sessions.end(credential.sessionId);
    return this.principalOf(record, refuse);
  }

  private async principalOfKey(key: string, refuse: (detail: string) => UnauthorizedException): Promise<ApiPrincipal> {
    return this.principalOf(await this.keys.findByKey(key), refuse);
  }

  private principalOf(record: ApiKeyRecord | null, refuse: (detail: string) => UnauthorizedException): ApiPrincipal {
    if (!record) throw refuse('unknown API key');
    if (record.revokedAt) throw refuse('this API key was revoked');
    this.keys
      .touch(record.id)
      .catch((error: unknown) => this.logger.warn(`could not record the use of key ${record.prefix}: ${String(error)}`));
    return { keyId: record.id, name: record.name, role: record.role };
  }
}
