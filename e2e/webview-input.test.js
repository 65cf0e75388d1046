// @ts-check
// The mobile bridge page, dist/webview.html (docs/mobile.md): how an app hands
// it a flow (a URL fragment, start(), a new fragment) and ends one (cancel()),
// and input it refuses before loading anything (e2e/webview-kit.js plays the app).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as kit from './webview-kit.js';

kit.useBridgeApp();

describe('input', () => {
  it(
    'by start(): the page waits without a fragment; cancel() from native ends the flow',
    kit.T,
    async () => {
      const session = await kit.newSession();
      const page = await kit.bridgePage();
      await page.goto(kit.bridgeUrl(undefined));
      await page.waitForFunction(() => 'fiskilLinkWebView' in window);
      assert.deepEqual(await kit.received(page), [], 'nothing before start()');
      assert.equal(await page.locator('#notice-title').textContent(), '', 'nothing on screen');
      await page.evaluate(
        ([sessionId, authServer]) =>
          /** @type {any} */ (window).fiskilLinkWebView?.start({ sessionId, authServer }),
        [session.session_id, kit.app.sandboxUrl],
      );
      await kit.hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      await kit.waitForMessages(page, 2);
      assert.equal(
        await page.evaluate(() => /** @type {any} */ (window).fiskilLinkWebView?.cancel()),
        true,
      );
      kit.assertMessages(await kit.waitForMessages(page, 4), kit.failedFlow('LINK_USER_CANCELLED'));
      assert.equal(
        await page.evaluate(() => /** @type {any} */ (window).fiskilLinkWebView?.cancel()),
        false,
      );
      assert.equal((await kit.received(page)).length, 4, 'a second cancel() sends nothing');
      await kit
        .notice(page)
        .getByText(new kit.LinkError('LINK_USER_CANCELLED', '').displayMessage)
        .waitFor();
      await page.context().close();
    },
  );

  it('a new fragment on the loaded page starts a new flow (hashchange)', kit.T, async () => {
    const page = await kit.bridgePage();
    await page.goto(kit.bridgeUrl({ 'session-id': 'ses_x', 'auth-server': 'javascript:alert(1)' }));
    await kit.waitForMessages(page, 1);
    const session = await kit.newSession();
    await page.evaluate(
      (hash) => (location.hash = hash),
      new URLSearchParams({
        'session-id': session.session_id,
        'auth-server': kit.app.sandboxUrl,
      }).toString(),
    );
    await kit.hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
    kit.assertMessages(await kit.waitForMessages(page, 3), [
      ['link-error', { code: 'LINK_INVALID_CONFIG', messageIncludes: 'auth-server' }],
      ['link-open'],
      ['link-load'],
    ]);
    await page.context().close();
  });

  /** Asserts one LINK_INVALID_CONFIG, no iframe, no request beyond the page's own files, and the notice. */
  async function assertRefused(
    /** @type {(page: import('playwright-core').Page) => Promise<unknown>} */ act,
    /** @type {string} */ names,
  ) {
    const page = await kit.bridgePage();
    /** @type {string[]} */
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await act(page);
    const got = await kit.waitForMessages(page, 1);
    kit.assertMessages(got, [
      ['link-error', { code: 'LINK_INVALID_CONFIG', messageIncludes: names }],
    ]);
    await kit.notice(page).getByText(JSON.parse(got[0]).detail.message).waitFor();
    assert.equal(await page.locator('iframe').count(), 0, 'nothing loaded');
    assert.deepEqual(
      requests.filter((url) => !url.startsWith(`${kit.app.demoUrl}/dist/`)),
      [],
      'no request beyond the page and its files',
    );
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).violations), []);
    assert.equal((await kit.received(page)).length, 1, 'one message only');
    assert.deepEqual(await kit.axeViolations(page), [], 'axe-core on the notice');
    await page.context().close();
  }

  it('a fragment without a session id: LINK_INVALID_CONFIG naming session-id', kit.T, () =>
    assertRefused(
      (page) => page.goto(kit.bridgeUrl({ 'auth-server': kit.app.sandboxUrl })),
      'session-id',
    ),
  );

  it('start() without a session id: LINK_INVALID_CONFIG naming session-id', kit.T, () =>
    assertRefused(async (page) => {
      await page.goto(kit.bridgeUrl(undefined));
      await page.evaluate(() =>
        /** @type {any} */ (window).fiskilLinkWebView?.start({ sessionId: '  ' }),
      );
    }, 'session-id'),
  );

  it('a fragment with auth-server=javascript:…: LINK_INVALID_CONFIG, nothing loaded', kit.T, () =>
    assertRefused(
      (page) =>
        page.goto(kit.bridgeUrl({ 'session-id': 'ses_1', 'auth-server': 'javascript:alert(1)' })),
      'auth-server',
    ),
  );

  it('a fragment with allowed-origin=*: LINK_INVALID_CONFIG, nothing loaded', kit.T, () =>
    assertRefused(
      (page) =>
        page.goto(
          kit.bridgeUrl({
            'session-id': 'ses_1',
            'auth-server': kit.app.sandboxUrl,
            'allowed-origin': '*',
          }),
        ),
      'allowed-origin',
    ),
  );

  it('a fragment with a key the page does not know: LINK_INVALID_CONFIG naming it', kit.T, () =>
    assertRefused(
      (page) => page.goto(kit.bridgeUrl({ 'session-id': 'ses_1', sessionid: 'x' })),
      'sessionid',
    ),
  );

  it(
    'start() with a string instead of options: LINK_INVALID_CONFIG, and it does not throw',
    kit.T,
    () =>
      assertRefused(async (page) => {
        await page.goto(kit.bridgeUrl(undefined));
        // A string where start() takes options: what a careless native caller might pass.
        await page.evaluate(() => /** @type {any} */ (window).fiskilLinkWebView?.start('ses_1'));
      }, 'start()'),
  );
});
