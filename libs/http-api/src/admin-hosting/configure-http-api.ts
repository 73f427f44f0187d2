import type { NestExpressApplication } from '@nestjs/platform-express';

import { answerBodyErrors } from '../problem-details/body-errors.middleware';
import { assignRequestId } from '../problem-details/request-id';
import { serveOpenApi } from '../openapi/openapi.document';
import { ADMIN_PATH, adminWebFallback, defaultAdminWebDir } from './admin-web.middleware';
import { securityHeaders } from './security-headers.middleware';

/** A batch of up to 500 postings must fit in one request (Express's default is 100 kB). */
const MAX_REQUEST_BODY = '32mb';

export interface HttpApiHostingOptions {
  /** The built web admin; default `dist/admin-web` of this repository. */
  adminWebDir?: string;
}

/**
 * Sets up a Nest HTTP app that imports `HttpApiModule` the same way in every host (the gateway and `jdpipe
 * serve`): request ids, security headers, the JSON body limit with problem+json for bad bodies, the web admin's
 * files and the OpenAPI document. Call it before `listen`; guards, the error filter and validation come with
 * the module itself.
 */
export function configureHttpApi(app: NestExpressApplication, options: HttpApiHostingOptions = {}): void {
  app.disable('x-powered-by');
  app.use(assignRequestId);
  app.use(securityHeaders);
  app.useBodyParser('json', { limit: MAX_REQUEST_BODY });
  app.use(answerBodyErrors);
  // Static files need no key: they hold no data, and the page asks the API with the session cookie.
  const adminWebDir = options.adminWebDir ?? defaultAdminWebDir();
  app.useStaticAssets(adminWebDir, { prefix: ADMIN_PATH, index: 'index.html', redirect: true });
  app.use(ADMIN_PATH, adminWebFallback(adminWebDir));
  serveOpenApi(app);
}
