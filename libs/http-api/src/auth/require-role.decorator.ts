import { SetMetadata } from '@nestjs/common';

import type { ApiKeyRole } from '@jdpipe/persistence';

/** What an API key may do. `admin` may do everything the other roles may. */
export type ApiRole = ApiKeyRole;

/** Metadata key under which `@RequireRole` records the roles a route accepts. */
export const REQUIRED_ROLES = 'jdpipe:required-roles';

/**
 * Restricts a controller or route to the given roles (admin is always let through). A route without it is
 * readable by any valid credential.
 */
export const RequireRole = (...roles: ApiRole[]) => SetMetadata(REQUIRED_ROLES, roles);
