// @ts-check
// What a healthy flow leaves in Chromium's network log, on a page without a
// Content-Security-Policy (docs/diagnostics.md, "A failed line in Chromium's
// network log"): every request finishes but one, the reachability check's
// HEAD of the bare origin. The auth server answers it; Chromium then marks it
// aborted, as it does any HEAD the page sends (its own, same-origin, too),
// and a GET that could tell the same would be blocked instead (ORB). When
// the second test fails, Chromium has stopped doing so: the first should
// then expect no failed request at all.
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

/** A new tab that records each failed request: method, URL, error, and the status the server sent. */
async function watchedTab() {
  const tab = await browser.newPage();
  /** @type {Promise<{ method: string; url: string; error?: string; status?: number }>[]} */
  const failed = [];
  tab.on('requestfailed', (request) =>
    failed.push(
      request.response().then((response) => ({
        method: request.method(),
        url: request.url(),
        error: request.failure()?.errorText,
        status: response?.status(),
      })),
    ),
  );
  return { tab, failed: () => Promise.all(failed) };
}

test('a healthy flow to consent: the one failed request is the check’s HEAD of the bare origin, which the server answered', async () => {
  const { tab, failed } = await watchedTab();
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
    assert.deepEqual(await failed(), [
      {
        method: 'HEAD',
        url: `${new URL(app.sandboxUrl).origin}/`,
        error: 'net::ERR_ABORTED',
        status: 200,
      },
    ]);
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
