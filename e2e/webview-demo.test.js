// @ts-check
// `npm start`'s pages around the mobile bridge page: the demo's mobile page,
// which runs dist/webview.html in a frame playing the app, and the playground's
// sandbox settings (docs/development.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as kit from './webview-kit.js';

kit.useBridgeApp();

describe('under npm start', () => {
  it(
    'the demo links the mobile page, which runs the bridge page in a frame playing the app',
    kit.T,
    async () => {
      const page = await (await kit.browser.newContext()).newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(kit.app.demoUrl);
      await page
        .getByRole('region', { name: 'The element in every framework' })
        .getByRole('link', { name: /Mobile app WebView/ })
        .click();
      await page.getByRole('button', { name: 'Get a sandbox session id and start' }).click();
      const appFrame = page.frameLocator('#app');
      await appFrame
        .frameLocator('iframe')
        .getByRole('heading', { name: 'Select your institution' })
        .waitFor();
      await page.locator('#received li', { hasText: '"type":"link-load"' }).waitFor();
      assert.match(
        (await page.locator('#url').textContent()) ?? '',
        new RegExp(`^${kit.app.demoUrl}/dist/webview\\.html#session-id=sess?_\\w+&auth-server=`),
      );
      await page.getByRole('button', { name: /cancel\(\)/ }).click();
      await page.locator('#received li', { hasText: '"type":"link-close"' }).waitFor();
      assert.deepEqual(
        (await page.locator('#received li').allTextContents()).map((m) => JSON.parse(m).type),
        ['link-open', 'link-load', 'link-error', 'link-close'],
      );
      await page.context().close();
    },
  );

  it(
    "the playground's auth-server is where the sandbox runs, and its button fills a session",
    kit.T,
    async () => {
      const page = await (await kit.browser.newContext()).newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${kit.app.demoUrl}/playground.html`);
      // The tests' sandbox is on a free port, never 4010.
      await page.waitForFunction(
        (url) =>
          /** @type {HTMLInputElement} */ (document.querySelector('#auth-server')).value === url,
        kit.app.sandboxUrl,
      );
      await page.getByRole('button', { name: 'Get a sandbox session id' }).click();
      await page.getByText(/Filled in sess?_\w+: press Apply attributes\./).waitFor();
      await page.getByRole('button', { name: 'Apply attributes' }).click();
      await page
        .frameLocator('iframe')
        .getByRole('heading', { name: 'Select your institution' })
        .waitFor();
      await page.context().close();
    },
  );
});
