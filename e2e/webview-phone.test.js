// @ts-check
// The mobile bridge page, dist/webview.html (docs/mobile.md), on phone screens:
// the loading state, the flow and the end state fill the screen without a
// scroll, axe-core finds nothing, and screenshots are kept in /tmp/webview-shots.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toConsentScreen } from './sandbox-journey.js';
import * as kit from './webview-kit.js';

kit.useBridgeApp();

/** No page scroll either way, and the modal (when up) covers the whole viewport. */
async function assertFullScreen(/** @type {import('playwright-core').Page} */ page) {
  const box = await page.evaluate(() => {
    const root = /** @type {HTMLElement} */ (document.scrollingElement);
    const dialog = document.querySelector('fiskil-link')?.shadowRoot?.querySelector('dialog');
    const rect = dialog?.open ? dialog.getBoundingClientRect() : null;
    return {
      scroll: [root.scrollWidth, root.scrollHeight],
      viewport: [innerWidth, innerHeight],
      dialog: rect && [rect.x, rect.y, rect.width, rect.height],
    };
  });
  assert.ok(box.scroll[0] <= box.viewport[0], `no horizontal scroll: ${JSON.stringify(box)}`);
  assert.ok(box.scroll[1] <= box.viewport[1], `no vertical scroll: ${JSON.stringify(box)}`);
  if (box.dialog)
    assert.deepEqual(box.dialog, [0, 0, ...box.viewport], 'the modal fills the screen');
}

describe('on a phone', () => {
  const phone = {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 3,
  };

  it(
    '390 × 844 portrait: loading, the flow and the end state fill the screen; axe finds nothing',
    kit.T,
    async () => {
      const session = await kit.newSession();
      let page = await kit.bridgePage({ context: phone });
      // Hold the hosted page's response, so that the loading state can be seen.
      /** @type {() => void} */
      let release = () => {};
      const held = new Promise((resolve) => (release = () => resolve(undefined)));
      await page.route(`${kit.app.sandboxUrl}/**`, async (route) => {
        if (route.request().resourceType() === 'document') await held;
        await route.continue();
      });
      // The page's `load` waits for the iframe's, which is held.
      await page.goto(
        kit.bridgeUrl({ 'session-id': session.session_id, 'auth-server': kit.app.sandboxUrl }),
        { waitUntil: 'domcontentloaded' },
      );
      await page.locator('fiskil-link').getByText('Loading secure connection').waitFor();
      await assertFullScreen(page);
      assert.deepEqual(await kit.axeViolations(page), [], 'axe-core while loading');
      await page.screenshot({ path: `${kit.SHOTS}/phone-loading.png` });

      release();
      await page.context().close();

      // The journey on a page of its own: one whose hosted page was held by
      // page.route() now and then took no tap afterwards (seen in Chromium 156).
      const journey = await kit.bridgePage({ context: phone });
      page = journey;
      await page.goto(
        kit.bridgeUrl({
          'session-id': (await kit.newSession()).session_id,
          'auth-server': kit.app.sandboxUrl,
        }),
      );
      await kit.waitForMessages(page, 2);
      await kit.hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      await assertFullScreen(page);
      assert.deepEqual(await kit.axeViolations(page), [], 'axe-core over the flow');
      await page.screenshot({ path: `${kit.SHOTS}/phone-flow.png` });

      await toConsentScreen(kit.hosted(page), (button) => button.tap());
      await page.screenshot({ path: `${kit.SHOTS}/phone-consent-screen.png` });
      await kit.hosted(page).getByRole('button', { name: 'Share data' }).tap();
      await kit.notice(page).getByText('Your account is connected.').waitFor();
      await assertFullScreen(page);
      assert.deepEqual(await kit.axeViolations(page), [], 'axe-core on the end state');
      await page.screenshot({ path: `${kit.SHOTS}/phone-end.png` });
      assert.equal((await kit.received(page)).length, 4);
      await page.context().close();
    },
  );

  for (const [name, viewport] of /** @type {const} */ ([
    ['844 × 390 landscape', { width: 844, height: 390 }],
    ['360 × 740 portrait', { width: 360, height: 740 }],
    ['430 × 932 portrait', { width: 430, height: 932 }],
    ['932 × 430 landscape', { width: 932, height: 430 }],
  ])) {
    it(`${name}: the flow and a long notice fit, nothing scrolls`, kit.T, async () => {
      const page = await kit.bridgePage({ context: { ...phone, viewport } });
      const session = await kit.newSession();
      await page.goto(
        kit.bridgeUrl({ 'session-id': session.session_id, 'auth-server': kit.app.sandboxUrl }),
      );
      await kit.hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      await assertFullScreen(page);
      const shot = name.replace(/\W+/g, '-');
      await page.screenshot({ path: `${kit.SHOTS}/${shot}-flow.png` });
      // The longest notice the page shows: bad input, with the element's own message.
      await page.evaluate(() =>
        /** @type {any} */ (window).fiskilLinkWebView?.start({
          sessionId: 'ses_1',
          allowedOrigin: '*',
        }),
      );
      await kit
        .notice(page)
        .getByText(/allowed-origin/)
        .waitFor();
      await assertFullScreen(page);
      const fits = await page.evaluate(() => {
        const r = /** @type {Element} */ (
          document.querySelector('#notice')
        ).getBoundingClientRect();
        return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
      });
      assert.ok(fits, 'the notice is inside the screen');
      await page.screenshot({ path: `${kit.SHOTS}/${shot}-notice.png` });
      await page.context().close();
    });
  }
});
