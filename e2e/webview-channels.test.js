// @ts-check
// The mobile bridge page, dist/webview.html (docs/mobile.md): the channels to
// native code (two at once, one that throws, none, one added late) and the page
// loaded from a file: URL as an app bundles it (e2e/webview-kit.js plays the app).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as kit from './webview-kit.js';

kit.useBridgeApp();

describe('channels', () => {
  it('two channels at once both receive every message, identical and in order', kit.T, async () => {
    const session = await kit.newSession();
    const page = await kit.bridgePage({ channels: ['React Native', 'Android and Flutter'] });
    await page.goto(
      kit.bridgeUrl({ 'session-id': session.session_id, 'auth-server': kit.app.sandboxUrl }),
    );
    await kit.hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
    await kit.hosted(page).getByRole('button', { name: 'Cancel' }).click();
    const android = await kit.waitForMessages(page, 4, 'Android and Flutter');
    kit.assertMessages(android, kit.failedFlow('AUTH_SESSION_CANCELLED', 'AUTH_SESSION_CANCELLED'));
    assert.deepEqual(await kit.waitForMessages(page, 4, 'React Native'), android);
    await page.context().close();
  });

  it(
    'a channel that throws does not stop the other, and nothing reaches the page as an error',
    kit.T,
    async () => {
      const session = await kit.newSession();
      const page = await kit.bridgePage({
        channels: ['iOS', 'Android and Flutter'],
        throwing: ['iOS'],
      });
      /** @type {Error[]} */
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e));
      await page.goto(
        kit.bridgeUrl({ 'session-id': session.session_id, 'auth-server': kit.app.sandboxUrl }),
      );
      await kit.hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      await page.evaluate(() => /** @type {any} */ (window).fiskilLinkWebView?.cancel());
      const android = await kit.waitForMessages(page, 4, 'Android and Flutter');
      kit.assertMessages(android, kit.failedFlow('LINK_USER_CANCELLED'));
      assert.deepEqual(
        await kit.received(page, 'iOS'),
        android,
        'the throwing one was called each time',
      );
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).uncaught), []);
      await page.context().close();
    },
  );

  it(
    'no channel: a plain message that the page runs in an app, nothing loaded; start() works once one appears',
    kit.T,
    async () => {
      const page = await kit.bridgePage({ channels: [] });
      const session = await kit.newSession();
      await page.goto(
        kit.bridgeUrl({ 'session-id': session.session_id, 'auth-server': kit.app.sandboxUrl }),
      );
      await kit.notice(page).getByText('Open this page from your app.').waitFor();
      assert.equal(await page.locator('iframe').count(), 0, 'nothing loaded');
      assert.deepEqual(await kit.axeViolations(page), [], 'axe-core on the notice');
      await page.screenshot({ path: `${kit.SHOTS}/no-channel.png` });
      // As an Android app does when it adds its bridge late and calls start() itself.
      await page.evaluate(
        ([sessionId, authServer]) => {
          const w = /** @type {any} */ (window);
          w.received.late = [];
          w.fiskilLink = { postMessage: (/** @type {string} */ m) => w.received.late.push(m) };
          w.fiskilLinkWebView.start({ sessionId, authServer });
        },
        [session.session_id, kit.app.sandboxUrl],
      );
      await kit.hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      assert.equal(await page.locator('#notice-title').textContent(), '', 'the notice is gone');
      await page.context().close();
    },
  );

  it(
    'from a file: URL, as a bundled asset: the classic scripts run under the page CSP',
    kit.T,
    async () => {
      const page = await kit.bridgePage();
      const file = new URL('../dist/webview.html', import.meta.url).href;
      await page.goto(`${file}#session-id=ses_1&allowed-origin=*`);
      const got = await kit.waitForMessages(page, 1);
      kit.assertMessages(got, [
        ['link-error', { code: 'LINK_INVALID_CONFIG', messageIncludes: 'allowed-origin' }],
      ]);
      assert.equal(await page.evaluate(() => typeof customElements.get('fiskil-link')), 'function');
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).violations), []);
      await page.context().close();
    },
  );
});
