/** A message above the sign-in form: why the last attempt was refused, or that the person signed out. */
export interface SignInNotice {
  tone: 'error' | 'info';
  text: string;
}

export interface SignInPageOptions {
  notice?: SignInNotice;
  /** The page route (`#/runs/…`) to return to after signing in; see `adminRouteOf`. */
  next?: string;
}

/** Page routes of the web admin are hash fragments; anything else would be a way to send people elsewhere. */
const ADMIN_ROUTE = /^#\/[\w\-./?=&%~+:,@]{0,500}$/;

/** The web admin's route in `value` when it is one, else '' (the admin's start page). */
export function adminRouteOf(value: unknown): string {
  return typeof value === 'string' && ADMIN_ROUTE.test(value) ? value : '';
}

/**
 * The sign-in page of the web admin, rendered by the server so that it works in both hosts whether or not the
 * page's scripts load: a plain form posting the key to `/admin/session`. No inline script or style, as the
 * content security policy allows none; it borrows the admin's stylesheet.
 */
export function renderSignInPage(options: SignInPageOptions = {}): string {
  const notice = options.notice
    ? `<p class="sign-in-notice sign-in-notice-${options.notice.tone}" role="${options.notice.tone === 'error' ? 'alert' : 'status'}">${escapeHtml(options.notice.text)}</p>`
    : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Sign in · jdpipe admin</title>
    <link rel="stylesheet" href="/admin/admin.css" />
  </head>
  <body class="sign-in-body">
    <main class="sign-in">
      <h1><span class="brand-mark" aria-hidden="true">jd</span>pipe admin</h1>
      <p class="muted">Sign in with an API key of the role reviewer or admin.</p>
      ${notice}
      <form class="sign-in-form" method="post" action="/admin/session">
        <label class="field-label" for="sign-in-key">API key</label>
        <input id="sign-in-key" name="key" type="password" autocomplete="off" spellcheck="false" required autofocus />
        <input type="hidden" name="next" value="${escapeHtml(adminRouteOf(options.next))}" />
        <button class="button primary" type="submit">Sign in</button>
      </form>
      <p class="muted sign-in-help">
        An administrator creates keys with <code>jdpipe keys create --name NAME --role reviewer</code>;
        <code>jdpipe serve</code> also prints a one-time login link.
      </p>
    </main>
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
