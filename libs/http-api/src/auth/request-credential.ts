/** The cookie that carries an admin session opened by a one-time login link. */
export const SESSION_COOKIE = 'jdpipe_session';

/** The header a browser page must send with unsafe methods under cookie auth: a cross-site form cannot. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'jdpipe-admin';

export type RequestCredential = { kind: 'api-key'; key: string } | { kind: 'session'; sessionId: string };

type Headers = Record<string, string | string[] | undefined>;

/** The credential of a request: `Authorization: Bearer`, then `X-API-Key`, then the session cookie. */
export function requestCredential(headers: Headers): RequestCredential | null {
  const authorization = singleHeader(headers['authorization']);
  const bearer = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : undefined;
  if (bearer) return { kind: 'api-key', key: bearer };
  const apiKey = singleHeader(headers['x-api-key'])?.trim();
  if (apiKey) return { kind: 'api-key', key: apiKey };
  const sessionId = cookieValue(singleHeader(headers['cookie']), SESSION_COOKIE);
  return sessionId ? { kind: 'session', sessionId } : null;
}

/** GET, HEAD and OPTIONS change nothing; every other method needs the CSRF header under cookie auth. */
export function isUnsafeMethod(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

export function cookieValue(cookieHeader: string | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return null;
}

/** The first value of a header Node may give as a list. */
export function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
