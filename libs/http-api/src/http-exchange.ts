import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The parts of Express's request and response the API's edges use, typed here because the project does not
 * ship Express's type package; Nest's Express adapter hands these objects to guards, filters and middleware.
 */
export interface HttpRequest extends IncomingMessage {
  method: string;
  path: string;
  secure: boolean;
}

export interface HttpResponse extends ServerResponse {
  status(code: number): this;
  send(body: string): this;
  cookie(
    name: string,
    value: string,
    options: { httpOnly: boolean; sameSite: 'strict'; secure: boolean; path: string; maxAge: number },
  ): this;
  redirect(status: number, url: string): void;
  sendFile(path: string, done: (error?: Error) => void): void;
}

export type NextHandler = (error?: unknown) => void;
