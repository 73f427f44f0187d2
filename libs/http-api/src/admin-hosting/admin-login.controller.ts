import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpException,
  Inject,
  Post,
  Query,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { HttpRequest, HttpResponse } from '../http-exchange';

import { AdminSessions, SESSION_TTL_MS } from '../auth/admin-sessions';
import { KeySignIn } from '../auth/key-sign-in';
import { PublicRoute } from '../auth/public-route.decorator';
import { cookieValue, SESSION_COOKIE, singleHeader } from '../auth/request-credential';
import { ADMIN_PATH } from './admin-web.middleware';
import { adminRouteOf, renderSignInPage, type SignInPageOptions } from './sign-in.page';

/** Express sets `ip` (honouring the app's 'trust proxy' setting) and `body` (after the body parsers). */
type BrowserRequest = HttpRequest & { ip?: string; body?: unknown };

/**
 * How a browser gets an admin session, in both hosts: `GET /admin/login?token=…` redeems the one-time link
 * `jdpipe serve` prints; `GET /admin/login` without a token shows the sign-in page, whose form (or a JSON
 * client) posts an API key to `POST /admin/session`; `POST /admin/logout` ends the session. Forms are answered
 * with pages and redirects, JSON with JSON and problem+json.
 */
@ApiExcludeController()
@Controller('admin')
export class AdminLoginController {
  constructor(
    @Inject(AdminSessions) private readonly sessions: AdminSessions,
    @Inject(KeySignIn) private readonly signIns: KeySignIn,
  ) {}

  @Get('login')
  @PublicRoute()
  async login(
    @Query('token') token: string | undefined,
    @Query('next') next: string | undefined,
    @Query('signed-out') signedOut: string | undefined,
    @Req() request: HttpRequest,
    @Res() response: HttpResponse,
  ): Promise<void> {
    if (token === undefined) {
      const notice = signedOut === undefined ? undefined : ({ tone: 'info', text: 'You are signed out.' } as const);
      sendSignInPage(response, 200, { notice, next });
      return;
    }
    const sessionId = await this.sessions.redeem(token);
    if (!sessionId)
      throw new UnauthorizedException(
        'this login link is unknown, already used or expired; sign in with an API key at /admin/login instead',
      );
    setSessionCookie(request, response, sessionId, SESSION_TTL_MS);
    response.redirect(303, `${ADMIN_PATH}/`);
  }

  @Post('session')
  @PublicRoute()
  async signIn(@Body() body: unknown, @Req() request: BrowserRequest, @Res() response: HttpResponse): Promise<void> {
    const { key, next } = signInFieldsOf(body);
    // A page elsewhere must not sign a browser in with a key of its choosing (login CSRF).
    if (isCrossSite(request)) throw new ForbiddenException('sign in from the sign-in page of this server');
    const result = await this.signIns.signIn(key, request.ip ?? request.socket.remoteAddress ?? 'unknown');
    const fromForm = isFormPost(request);
    if (!result.signedIn) {
      if (result.retryAfterSeconds) response.setHeader('Retry-After', String(result.retryAfterSeconds));
      if (!fromForm) throw new HttpException(result.detail, result.status);
      sendSignInPage(response, result.status, { notice: { tone: 'error', text: result.detail }, next });
      return;
    }
    setSessionCookie(request, response, result.sessionId, SESSION_TTL_MS);
    if (fromForm) {
      response.redirect(303, `${ADMIN_PATH}/${next}`);
      return;
    }
    const { name, role } = result.principal;
    response.status(200).setHeader('Content-Type', 'application/json; charset=utf-8');
    response.send(JSON.stringify({ name, role }));
  }

  @Post('logout')
  @PublicRoute()
  async logout(@Req() request: BrowserRequest, @Res() response: HttpResponse): Promise<void> {
    const sessionId = cookieValue(singleHeader(request.headers.cookie), SESSION_COOKIE);
    if (sessionId) await this.sessions.end(sessionId);
    setSessionCookie(request, response, '', 0);
    if (isFormPost(request)) response.redirect(303, `${ADMIN_PATH}/login?signed-out`);
    else response.status(204).end();
  }
}

function setSessionCookie(request: HttpRequest, response: HttpResponse, sessionId: string, maxAge: number): void {
  // HttpOnly: page scripts never see it; SameSite=Strict: no other site can make the browser send it.
  response.cookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/', maxAge });
}

function sendSignInPage(response: HttpResponse, status: number, options: SignInPageOptions): void {
  response.status(status).setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  // Under the site-wide no-referrer policy a browser posts the form with "Origin: null"; same-origin lets it name
  // this origin (and still tells other sites nothing), so the sign-in can tell its own form from another site's.
  response.setHeader('Referrer-Policy', 'same-origin');
  response.send(renderSignInPage(options));
}

/** The key and the route to return to, from a JSON body or a form; missing fields are empty. */
function signInFieldsOf(body: unknown): { key: string; next: string } {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return { key: typeof fields.key === 'string' ? fields.key : '', next: adminRouteOf(fields.next) };
}

function isFormPost(request: HttpRequest): boolean {
  return (singleHeader(request.headers['content-type']) ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/**
 * Browsers say where a POST comes from: `Sec-Fetch-Site` (sent to HTTPS and localhost), else `Origin`, which
 * is "null" for an opaque or hidden origin. A client that sends neither (curl, a script) is not a browser page.
 */
function isCrossSite(request: HttpRequest): boolean {
  const fetchSite = singleHeader(request.headers['sec-fetch-site']);
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = singleHeader(request.headers.origin);
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}
