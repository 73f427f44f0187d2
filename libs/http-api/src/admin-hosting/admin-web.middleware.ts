import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { HttpRequest, HttpResponse, NextHandler } from '../http-exchange';
import { problemInstance, problemOf } from '../problem-details/problem';
import { sendProblem } from '../problem-details/problem-details.filter';
import { requestIdOf } from '../problem-details/request-id';

export const ADMIN_PATH = '/admin';
/** Handled by the login controller, not by the page. */
const ADMIN_LOGIN_PATH = '/login';

/** `dist/admin-web` of the repository this code runs from (compiled or as source). */
export function defaultAdminWebDir(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json')) && existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'admin-web');
  }
  return join(process.cwd(), 'dist', 'admin-web');
}

/**
 * Runs after the static files under /admin: any other GET below /admin answers `index.html`, since the page
 * routes itself; when the web admin was never built, a clear 404 says how to build it.
 */
export function adminWebFallback(dir: string) {
  return (request: HttpRequest, response: HttpResponse, next: NextHandler): void => {
    if (request.path === ADMIN_LOGIN_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) {
      next();
      return;
    }
    const index = join(dir, 'index.html');
    if (!existsSync(index)) {
      const detail = `the web admin is not built (no ${index}): run \`npm run build\``;
      sendProblem(response, problemOf(404, problemInstance(requestIdOf(request)), { detail }));
      return;
    }
    response.sendFile(index, (error?: Error) => {
      if (error) next(error);
    });
  };
}
