import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'jdpipe:public-route';

/** Opens a route to callers without a credential (the login link itself, for one). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
