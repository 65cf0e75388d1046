// @ts-check
// The journey tests' page: the demo app and the sandbox, started on free ports, the
// demo page open in Debian's Chromium with <fiskil-link> and the sandbox's hosted page
// in its cross-origin iframe; and the steps and checks the journeys share
// (e2e/journey-consent.test.js, e2e/journey-failure.test.js).
import { after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../engines/chromium.js';
import { startAll } from '../demo/start.js';

/** Each test's own limit; the file's is in package.json (`--test-timeout`). */
export const T = { timeout: 30_000 };

/** @type {Awaited<ReturnType<typeof startAll>>} */
export let app;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
export let page;
/** @type {import('playwright-core').BrowserContext} */
let context;

/**
 * One page for the whole test file: the element runs one flow after another, as on a
 * real page, and the tests skip reloading the (unbundled, dev-mode) demo each time.
 * Before each test, the demo's backend is reset and any flow still open is cancelled.
 */
export function useDemoPage() {
  before(async () => {
    app = await startAll({ sandboxPort: 0, demoPort: 0, quiet: true });
    browser = await chromium.launch(chromiumLaunchOptions());
    context = await browser.newContext();
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(app.demoUrl);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });
  beforeEach(async () => {
    await fetch(`${app.demoUrl}/api/reset`, { method: 'POST' });
    await page.evaluate(() => {
      const el = /** @type {any} */ (document.querySelector('fiskil-link'));
      el.cancel();
      el.timeout = 600_000;
      /** @type {any} */ (window).fiskilDemo.events.length = 0;
    });
  });
}

/** The sandbox API, called as the integrator's backend would (with the demo's credentials). */
export async function fiskil(/** @type {string} */ method, /** @type {string} */ path) {
  const t = await fetch(`${app.sandboxUrl}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'demo_client_id', client_secret: 'demo_client_secret' }),
  });
  const { token } = await t.json();
  const res = await fetch(app.sandboxUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

/** Clicks "Connect your bank" (with an element timeout, if given); resolves with the backend's session. */
export async function connect(timeout = 0) {
  if (timeout)
    await page.evaluate((ms) => {
      /** @type {any} */ (document.querySelector('fiskil-link')).timeout = ms;
    }, timeout);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/connect'));
  const headingX = () =>
    page.evaluate(() => document.querySelector('h1')?.getBoundingClientRect().x);
  const before = await headingX();
  await page.getByRole('button', { name: 'Connect your bank' }).click();
  const session = await (await answer).json();
  await page.frameLocator('iframe').getByRole('heading').first().waitFor();
  // The scroll lock must not shift the page behind the modal sideways.
  assert.equal(await headingX(), before);
  return /** @type {{ session_id: string; end_user_id: string }} */ (session);
}

/** The hosted page, inside the element's cross-origin iframe. */
export const flow = () => page.frameLocator('iframe');

/** Resolves with the first `consent` or `link-error` the page received. */
export async function outcome() {
  const handle = await page.waitForFunction(() =>
    /** @type {any} */ (window).fiskilDemo.events.find(
      (/** @type {any} */ e) => e.type === 'consent' || e.type === 'link-error',
    ),
  );
  return /** @type {{ type: string; detail: any }} */ (await handle.jsonValue());
}

/** Resolves once the element has dispatched `link-close`. */
export const closed = () =>
  page.waitForFunction(
    () => /** @type {any} */ (window).fiskilDemo.events.at(-1)?.type === 'link-close',
  );

/** @returns {Promise<string[]>} */
export const eventTypes = () =>
  page.evaluate(() =>
    /** @type {any} */ (window).fiskilDemo.events.map((/** @type {any} */ e) => e.type),
  );

export async function chooseAndLogin(
  institution = 'Sandbox Bank',
  username = 'user_good',
  password = 'pass_good',
) {
  await flow().getByRole('button', { name: institution }).click();
  await flow().getByLabel('Username').fill(username);
  await flow().getByLabel('Password').fill(password);
  await flow().getByRole('button', { name: 'Log in' }).click();
}

export async function toConsentScreen(institution = 'Sandbox Bank', channel = '') {
  await chooseAndLogin(institution);
  if (channel) {
    await flow().getByRole('radio', { name: channel }).check();
    await flow()
      .getByText(
        `sent a 6-digit code ${channel === 'Email' ? 'by email' : 'to your authenticator app'}`,
      )
      .waitFor();
  }
  await flow().getByLabel('One-time code').fill('123456');
  await flow().getByRole('button', { name: 'Verify' }).click();
  await flow().getByRole('heading', { name: 'Select accounts to share' }).waitFor();
  await flow().getByRole('button', { name: 'Continue' }).click();
  await flow().getByRole('heading', { name: 'Confirm what you share' }).waitFor();
}

/** Asserts the failure the page got, and that the API shows no consent and a spent session. */
export async function assertFailed(
  /** @type {{ session_id: string; end_user_id: string }} */ s,
  /** @type {string} */ code,
  status = 'failed',
) {
  const got = await outcome();
  assert.equal(got.type, 'link-error');
  assert.equal(got.detail.code, code);
  const consents = await fiskil('GET', `/v1/consent?end_user_id=${s.end_user_id}`);
  assert.deepEqual(consents.body, []);
  const session = await fiskil('GET', `/sandbox/sessions/${s.session_id}`);
  assert.equal(session.body.status, status);
  await page.getByRole('status').filter({ hasText: code }).waitFor();
  return got;
}
