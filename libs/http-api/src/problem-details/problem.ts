import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One failing field: its path in the body or query (`postings.3.description`) and what is wrong. */
export interface FieldError {
  field: string;
  messages: string[];
}

/** An RFC 9457 problem document, the body of every error answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  errors?: FieldError[];
}

/** `about:blank` means "the status code says it all"; invalid input gets its own type for clients to match. */
export const INVALID_REQUEST_TYPE = 'urn:jdpipe:problem:invalid-request';

export function problemOf(
  status: number,
  instance: string,
  fields: { title?: string; detail?: string; errors?: FieldError[] } = {},
): Problem {
  return {
    type: fields.errors ? INVALID_REQUEST_TYPE : 'about:blank',
    title: fields.title ?? STATUS_CODES[status] ?? 'Error',
    status,
    ...(fields.detail ? { detail: fields.detail } : {}),
    instance,
    ...(fields.errors ? { errors: fields.errors } : {}),
  };
}

/** The `instance` of a request's problem: its request id, which is also in the logs and the X-Request-Id header. */
export function problemInstance(requestId: string): string {
  return `urn:jdpipe:request:${requestId}`;
}
