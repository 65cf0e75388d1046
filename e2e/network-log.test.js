// @ts-check
// What a healthy flow leaves in Chromium's network log, on a page without a
// Content-Security-Policy (docs/diagnostics.md, "Chromium's network log"):
// no failed request. The reachability check asks Chromium with a prefetch of
// the bare origin, which finishes, because Chromium marks any answered HEAD
// aborted (the page's own, same-origin, too), as the second test holds: when
// that stops, a HEAD would do there as it does in the other engines.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../engines/chromium.js';
import { startAll } from '../demo/start.js';
import { toConsentScreen } from './sandbox-journey.js';

/** @type {Awaited<ReturnType<typeof startAll>>} */
let app;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  app = await startAll({ sandboxPort: 0, demoPort: 0, quiet: true });
  browser = await chromium.launch(chromiumLaunchOptions());
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** A new tab that records each request that failed or finished: method, URL, error, status, purpose. */
async function watchedTab() {
  const tab = await browser.newPage();
  /** @type {Promise<{ method: string; url: string; error?: string; status?: number; purpose?: string }>[]} */
  const failed = [];
  /** @type {Promise<{ method: string; url: string; status?: number; purpose?: string }>[]} */
  const finished = [];
  const seen = (/** @type {import('playwright-core').Request} */ request) =>
    request.response().then((response) => ({
      method: request.method(),
      url: request.url(),
      status: response?.status(),
      purpose: request.headers()['sec-purpose'],
    }));
  tab.on('requestfailed', (request) =>
    failed.push(seen(request).then((r) => ({ ...r, error: request.failure()?.errorText }))),
  );
  tab.on('requestfinished', (request) => finished.push(seen(request)));
  return { tab, failed: () => Promise.all(failed), finished: () => Promise.all(finished) };
}

test('a healthy flow to consent leaves no failed request; the check was a prefetch of the bare origin, which finished', async () => {
  const { tab, failed, finished } = await watchedTab();
  try {
    const page = await tab.goto(app.demoUrl);
    assert.equal(page?.headers()['content-security-policy'], undefined, 'a page without a CSP');
    await tab.getByRole('button', { name: 'Connect your bank' }).click();
    const flow = tab.frameLocator('iframe');
    await toConsentScreen(flow);
    await flow.getByRole('button', { name: 'Share data' }).click();
    await tab.waitForFunction(() =>
      /** @type {any} */ (window).fiskilDemo.events.some(
        (/** @type {{ type: string }} */ e) => e.type === 'link-close',
      ),
    );
    const bare = `${new URL(app.sandboxUrl).origin}/`;
    assert.deepEqual(await failed(), []);
    assert.deepEqual(
      (await finished()).filter((r) => r.url === bare),
      [{ method: 'GET', url: bare, status: 200, purpose: 'prefetch' }],
    );
  } finally {
    await tab.close();
  }
});

test('Chromium marks any answered HEAD aborted: the page’s own, same-origin', async () => {
  const tab = await browser.newPage();
  try {
    await tab.goto(app.demoUrl);
    const failure = tab.waitForEvent('requestfailed');
    const status = await tab.evaluate(
      async () => (await fetch(location.href, { method: 'HEAD' })).status,
    );
    const request = await failure;
    assert.deepEqual(
      {
        method: request.method(),
        url: request.url(),
        error: request.failure()?.errorText,
        answered: (await request.response())?.status(),
        seenByThePage: status,
      },
      {
        method: 'HEAD',
        url: tab.url(),
        error: 'net::ERR_ABORTED',
        answered: 200,
        seenByThePage: 200,
      },
    );
  } finally {
    await tab.close();
  }
});
