import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { ApiRole } from './require-role.decorator';

/** Who is calling: the API key (or the admin session) the request authenticated with. */
export interface ApiPrincipal {
  keyId: string;
  name: string;
  role: ApiRole;
}

/** A request the auth guard has authenticated. */
export interface AuthenticatedRequest {
  principal?: ApiPrincipal;
}

/** Injects the principal the auth guard put on the request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): ApiPrincipal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route the auth guard did not authenticate');
  return principal;
});
