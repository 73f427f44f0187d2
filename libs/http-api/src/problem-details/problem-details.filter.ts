import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { HttpRequest, HttpResponse } from '../http-exchange';

import { PROBLEM_CONTENT_TYPE, problemInstance, problemOf, type FieldError, type Problem } from './problem';
import { requestIdOf, type IdentifiedRequest } from './request-id';

/**
 * Every error of the HTTP API leaves as `application/problem+json`: Nest's HTTP exceptions with their status
 * (and the field list of validation errors), anything else as a 500 that names the request id but no internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<HttpRequest & IdentifiedRequest>();
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const instance = problemInstance(requestIdOf(request));
    const problem =
      exception instanceof HttpException ? problemOfHttpException(exception, instance) : this.unexpected(exception, request, instance);
    sendProblem(response, problem);
  }

  private unexpected(exception: unknown, request: HttpRequest, instance: string): Problem {
    const status = httpStatusOf(exception);
    if (status) return problemOf(status, instance, { detail: (exception as Error).message });
    this.logger.error(
      `${request.method} ${request.path} failed (${instance}): ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
    );
    return problemOf(HttpStatus.INTERNAL_SERVER_ERROR, instance, { detail: `an unexpected error; quote ${instance} when reporting it` });
  }
}

export function sendProblem(response: HttpResponse, problem: Problem): void {
  if (response.headersSent) return;
  response.status(problem.status).setHeader('Content-Type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

function problemOfHttpException(exception: HttpException, instance: string): Problem {
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (typeof body === 'string') return problemOf(status, instance, { detail: body });
  const fields = body as { title?: unknown; detail?: unknown; message?: unknown; errors?: unknown };
  const errors = Array.isArray(fields.errors) ? (fields.errors as FieldError[]) : undefined;
  const message = Array.isArray(fields.message)
    ? fields.message.join('; ')
    : typeof fields.message === 'string'
      ? fields.message
      : undefined;
  // Nest puts the status phrase in `message` when none was given: that says nothing beyond the title.
  const detail =
    typeof fields.detail === 'string'
      ? fields.detail
      : message !== undefined && message !== exception.name && !isStatusPhrase(message)
        ? message
        : undefined;
  return problemOf(status, instance, { title: typeof fields.title === 'string' ? fields.title : undefined, detail, errors });
}

function isStatusPhrase(text: string): boolean {
  return Object.values(HttpStatus).some(
    (value) => typeof value === 'string' && value.replaceAll('_', ' ').toLowerCase() === text.toLowerCase(),
  );
}

/**
 * Errors that carry their own 4xx status, like body-parser's (malformed JSON 400, body too large 413), are the
 * client's to fix and safe to explain; anything else stays a 500.
 */
export function httpStatusOf(error: unknown): number | null {
  const status = (error as { status?: unknown; expose?: unknown } | null)?.status;
  const expose = (error as { expose?: unknown } | null)?.expose;
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : null;
}
