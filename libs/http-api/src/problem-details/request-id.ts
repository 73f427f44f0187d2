import { randomUUID } from 'node:crypto';

import type { HttpRequest, HttpResponse, NextHandler } from '../http-exchange';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A request with its id, set by `assignRequestId`. */
export interface IdentifiedRequest {
  requestId?: string;
}

/** Keeps a caller's X-Request-Id when it is a plain token (so logs line up across systems), else makes one. */
export function assignRequestId(request: HttpRequest & IdentifiedRequest, response: HttpResponse, next: NextHandler): void {
  request.requestId = requestIdOf(request);
  response.setHeader('X-Request-Id', request.requestId);
  next();
}

export function requestIdOf(request: HttpRequest & IdentifiedRequest): string {
  if (request.requestId) return request.requestId;
  const offered = request.headers[REQUEST_ID_HEADER];
  return typeof offered === 'string' && /^[A-Za-z0-9._-]{8,100}$/.test(offered) ? offered : randomUUID();
}
