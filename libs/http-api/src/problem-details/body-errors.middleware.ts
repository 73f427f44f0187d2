import type { HttpRequest, HttpResponse, NextHandler } from '../http-exchange';

import { problemInstance, problemOf } from './problem';
import { httpStatusOf, sendProblem } from './problem-details.filter';
import { requestIdOf, type IdentifiedRequest } from './request-id';

/**
 * Express error handler placed right after the body parsers, whose errors never reach Nest's filters: a body
 * over the limit answers 413, malformed JSON 400, both as problem+json.
 */
export function answerBodyErrors(
  error: unknown,
  request: HttpRequest & IdentifiedRequest,
  response: HttpResponse,
  next: NextHandler,
): void {
  const status = httpStatusOf(error);
  if (!status) {
    next(error);
    return;
  }
  const type = (error as { type?: string }).type;
  const detail =
    type === 'entity.too.large'
      ? `the request body is larger than the limit of ${(error as { limit?: number }).limit ?? 'this endpoint'} bytes`
      : type === 'entity.parse.failed'
        ? 'the request body is not valid JSON'
        : (error as Error).message;
  sendProblem(response, problemOf(status, problemInstance(requestIdOf(request)), { detail }));
}
