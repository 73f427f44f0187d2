import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { adminRouteOf, renderSignInPage } from './sign-in.page';

describe('sign-in page', () => {
  test('posts the key to /admin/session and carries the route to return to', () => {
    const page = renderSignInPage({ next: '#/runs/abc?status=failed' });
    assert.match(page, /<form class="sign-in-form" method="post" action="\/admin\/session">/);
    assert.match(page, /<input id="sign-in-key" name="key" type="password"/);
    assert.match(page, /name="next" value="#\/runs\/abc\?status=failed"/);
    assert.doesNotMatch(page, /<script|style=/);
  });

  test('shows a notice as text, never as markup', () => {
    const page = renderSignInPage({ notice: { tone: 'error', text: 'bad <img src=x onerror=alert(1)> "key"' } });
    assert.match(page, /role="alert">bad &#60;img src=x onerror=alert\(1\)&#62; &#34;key&#34;<\/p>/);
    assert.doesNotMatch(page, /<img/);
  });

  test('returns only to routes of the admin page itself', () => {
    assert.equal(adminRouteOf('#/review'), '#/review');
    for (const elsewhere of [
      'https://evil.example/',
      '//evil.example',
      '#/a"><script>',
      '/admin/',
      42,
      undefined,
      `#/${'x'.repeat(600)}`,
    ]) {
      assert.equal(adminRouteOf(elsewhere), '', String(elsewhere));
    }
  });
});
