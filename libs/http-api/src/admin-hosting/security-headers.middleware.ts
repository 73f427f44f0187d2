import type { HttpRequest, HttpResponse, NextHandler } from '../http-exchange';

import { DOCS_PATH } from '../openapi/openapi.document';

/** Nothing from elsewhere, no framing; the pages render posting text, which must never become markup. */
const CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
/** Swagger UI ships an inline stylesheet and data: icons; its scripts stay same-origin files. */
const DOCS_CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

export function securityHeaders(request: HttpRequest, response: HttpResponse, next: NextHandler): void {
  const isDocs = request.path === `/${DOCS_PATH}` || request.path.startsWith(`/${DOCS_PATH}/`);
  response.setHeader('Content-Security-Policy', isDocs ? DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  next();
}
