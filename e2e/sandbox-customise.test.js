// @ts-check
// End to end: a sandbox customised as an integrator would in Fiskil's Console (brand
// colour, logo, institutions by id, purpose, consent period), seen through the demo's
// <fiskil-link> in Debian's Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../engines/chromium.js';
import { startAll } from '../demo/start.js';
import { createSandbox } from '../sandbox/server.js';
import { newSession } from '../sandbox/test/helpers.js';

const T = { timeout: 60_000 };

/** @type {Awaited<ReturnType<typeof startAll>>} */
let app;
/** @type {ReturnType<typeof createSandbox>} */
let custom;
/** @type {string} */
let customUrl;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  app = await startAll({ sandboxPort: 0, demoPort: 0, quiet: true });
  custom = createSandbox({
    appName: 'Budgetly',
    // On loopback, so the page needs no network (that it is not an image does not matter here).
    appLogo: `${app.demoUrl}/budgetly-logo.svg`,
    brandColor: '#0a7d55',
    purpose: 'To help you budget each month.',
    consentDays: 90,
    institutions: ['wattle-mutual', 'coastal-power'],
    log: () => {},
  });
  customUrl = await custom.listen(0);
  browser = await chromium.launch(chromiumLaunchOptions());
});
after(async () => {
  await browser?.close();
  await custom?.close();
  await app?.close();
});

describe('a customised sandbox, through the element', () => {
  it(
    'shows the brand colour, the logo, only the chosen institutions, the purpose and the period',
    T,
    async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000);
      try {
        await page.goto(app.demoUrl);
        const id = await newSession(customUrl);
        await page.evaluate(
          ([url, sid]) => {
            const el = /** @type {any} */ (document.querySelector('fiskil-link'));
            el.authServer = url;
            el.allowedOrigin = url;
            el.sessionId = sid;
          },
          [customUrl, id],
        );
        const flow = page.frameLocator('iframe');
        await flow.getByRole('heading', { name: 'Select your institution' }).waitFor();
        await flow.getByText('Budgetly uses Fiskil').waitFor();
        const names = await flow.getByRole('list').getByRole('button').allTextContents();
        assert.deepEqual(
          names.map((n) => n.replace(/\s+/g, ' ').trim()),
          ['WM Wattle Mutual Bank', 'CP Coastal Power Energy'],
        );
        const logo = flow.locator('img.logo');
        assert.equal(await logo.getAttribute('src'), `${app.demoUrl}/budgetly-logo.svg`);

        await flow.getByRole('button', { name: 'Coastal Power' }).click();
        const login = flow.getByRole('button', { name: 'Log in' });
        // The brand colour is the progress bar's and the primary button's, whose text reads on it.
        const bar = await flow
          .locator('.progress li.on')
          .first()
          .evaluate((li) => getComputedStyle(li).backgroundColor);
        const text = await login.evaluate((b) => getComputedStyle(b).color);
        assert.deepEqual([bar, text], ['rgb(10, 125, 85)', 'rgb(255, 255, 255)']);

        await flow.getByLabel('Username').fill('user_good');
        await flow.getByLabel('Password').fill('pass_good');
        await login.click();
        await flow.getByLabel('One-time code').fill('123456');
        await flow.getByRole('button', { name: 'Verify' }).click();
        await flow.getByRole('button', { name: 'Continue' }).click();
        await flow.getByRole('heading', { name: 'Confirm what you share' }).waitFor();
        await flow.getByText('To help you budget each month.').waitFor();
        await flow.getByText(/^90 days, until /).waitFor();
      } finally {
        await page.close();
      }
    },
  );
});
