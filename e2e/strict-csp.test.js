// @ts-check
// The element on a page with the strictest CSP an integrator is likely to run
// (docs/security.md): the whole journey, with zero securitypolicyviolation events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../engines/chromium.js';
import { createSandbox } from '../sandbox/server.js';
import { startStrictPage } from './strict-page.js';
import { toConsentScreen } from './sandbox-journey.js';

/** @type {ReturnType<typeof createSandbox>} */
let sandbox;
/** @type {Awaited<ReturnType<typeof startStrictPage>>} */
let page;
/** @type {import('playwright-core').Browser} */
let browser;

/** The integrator's backend: token, end user, auth session, as in README "Usage". */
async function createSession() {
  const post = async (/** @type {string} */ path, /** @type {object} */ body, token = '') => {
    const response = await fetch(sandbox.url + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    assert.ok(response.ok, `${path}: ${response.status}`);
    return response.json();
  };
  const { token } = await post('/v1/token', {
    client_id: sandbox.options.clientId,
    client_secret: sandbox.options.clientSecret,
  });
  const { end_user_id } = await post('/v1/end-users', {}, token);
  const { session_id } = await post('/v1/auth/session', { end_user_id }, token);
  return session_id;
}

before(async () => {
  sandbox = createSandbox({ port: 0, log: () => {} });
  await sandbox.listen(0);
  page = await startStrictPage({
    authOrigin: new URL(sandbox.url).origin,
    authServer: () => sandbox.url,
    createSession,
  });
  browser = await chromium.launch(chromiumLaunchOptions());
});

after(async () => {
  await browser?.close();
  await page?.close();
  sandbox?.server.closeAllConnections();
  await new Promise((resolve) => sandbox?.server.close(() => resolve(undefined)));
});

/** The strict page with `connect-src 'self'`: the auth server in `frame-src` only. */
function startFrameSrcOnlyPage() {
  return startStrictPage({
    authOrigin: new URL(sandbox.url).origin,
    authServer: () => sandbox.url,
    createSession,
    connect: "'self'",
  });
}

/** Records every CSP violation, in every frame, from before the first script runs. */
async function newWatchedPage() {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    /** @type {string[]} */
    const seen = [];
    Object.defineProperty(window, '__violations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  const tab = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  tab.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const violations = async () =>
    (
      await Promise.all(
        tab
          .frames()
          .map((frame) =>
            frame.evaluate(() => /** @type {any} */ (window).__violations ?? []).catch(() => []),
          ),
      )
    ).flat();
  return { context, tab, errors, violations };
}

test('the page is served with the strict policy', async () => {
  const response = await fetch(page.url);
  const policy = response.headers.get('content-security-policy') ?? '';
  for (const directive of [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "require-trusted-types-for 'script'",
  ]) {
    assert.ok(policy.includes(directive), `${directive} in ${policy}`);
  }
  assert.ok(policy.includes(`frame-src ${new URL(sandbox.url).origin}`), policy);
  assert.ok(policy.includes(`connect-src 'self' ${new URL(sandbox.url).origin}`), policy);
});

test("connect-src 'self' alone: the flow runs with no violation and a quiet console: Chromium's check is a prefetch, which the policy allows where it allows the frame", async () => {
  const other = await startFrameSrcOnlyPage();
  const { context, tab, errors, violations } = await newWatchedPage();
  try {
    await tab.goto(other.url);
    await tab.waitForFunction(() => customElements.get('fiskil-link') !== undefined);
    await tab.click('#connect');
    await tab.locator('#log li', { hasText: 'link-load' }).waitFor();
    // Not taken for an unreachable server: no notice over the loaded flow.
    const notice = await tab.evaluate(
      () =>
        document.querySelector('fiskil-link')?.shadowRoot?.querySelector('[part="loading"] span')
          ?.textContent ?? null,
    );
    assert.equal(notice, null);
    // The check has ended once its link has left the shadow root.
    await tab.waitForFunction(
      () => !document.querySelector('fiskil-link')?.shadowRoot?.querySelector('link'),
    );
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await other.close();
  }
});

test('frame-src only (connect-src leaves the auth server out): three flows in a row reach consent, with no violation', async () => {
  const other = await startFrameSrcOnlyPage();
  const { context, tab, violations } = await newWatchedPage();
  try {
    await tab.goto(other.url);
    await tab.waitForFunction(() => customElements.get('fiskil-link') !== undefined);
    const flow = tab.frameLocator('iframe');
    for (let run = 0; run < 3; run++) {
      await tab.click('#connect');
      await tab.locator('#log li', { hasText: 'link-load' }).nth(run).waitFor();
      await toConsentScreen(flow);
      await flow.getByRole('button', { name: 'Share data' }).click();
      await tab.locator('#log li', { hasText: 'link-close' }).nth(run).waitFor();
    }
    const log = await tab.locator('#log li').allTextContents();
    assert.equal(log.filter((line) => /^consent \S+$/.test(line)).length, 3, log.join('\n'));
    assert.deepEqual(await violations(), []);
  } finally {
    await context.close();
    await other.close();
  }
});

test('the whole journey runs with zero securitypolicyviolation events', async () => {
  const { context, tab, errors, violations } = await newWatchedPage();
  try {
    await tab.goto(page.url);
    await tab.waitForFunction(() => customElements.get('fiskil-link') !== undefined);
    await tab.click('#connect');
    await tab.locator('#log li', { hasText: 'link-load' }).waitFor();
    // The modal is really modal: the element's styles applied (constructed stylesheets).
    const modal = await tab.evaluate(() => {
      const dialog = document.querySelector('fiskil-link')?.shadowRoot?.querySelector('dialog');
      return {
        modal: dialog?.matches(':modal'),
        adopted: document.querySelector('fiskil-link')?.shadowRoot?.adoptedStyleSheets.length,
        position: dialog ? getComputedStyle(dialog).position : '',
        overflow: document.documentElement.style.overflow,
      };
    });
    assert.deepEqual(modal, { modal: true, adopted: 1, position: 'fixed', overflow: 'hidden' });
    // The sandbox's whole journey: institution, login, one-time code, accounts, consent.
    const flow = tab.frameLocator('iframe');
    await toConsentScreen(flow);
    await flow.getByRole('button', { name: 'Share data' }).click();
    await tab.locator('#log li', { hasText: 'link-close' }).waitFor();
    const log = await tab.locator('#log li').allTextContents();
    assert.deepEqual(log.slice(0, 2), ['link-open', 'link-load']);
    assert.match(log[2], /^consent \S+$/);
    assert.equal(log[3], 'link-close');
    assert.equal(log.length, 4);
    assert.equal(await tab.evaluate(() => document.documentElement.style.overflow), '');
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the watch would see a violation (the check is not blind)', async () => {
  const { context, tab, violations } = await newWatchedPage();
  try {
    await tab.goto(page.url);
    await tab.waitForFunction(() => customElements.get('fiskil-link') !== undefined);
    const threw = await tab.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>string to HTML</b>';
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(threw, true, 'Trusted Types are enforced');
    await tab.waitForFunction(() => /** @type {any} */ (window).__violations.length > 0);
    const seen = await violations();
    assert.ok(
      seen.some((v) => v.startsWith('require-trusted-types-for')),
      seen.join('\n'),
    );
  } finally {
    await context.close();
  }
});

test('a trusted-types list without lit-html loads the element too: it creates no policy', async () => {
  const other = await startStrictPage({
    authOrigin: 'http://localhost:1',
    authServer: () => 'http://localhost:1/',
    createSession: async () => 'ses_unused',
    trustedTypes: 'app-policy',
  });
  const { context, tab, errors, violations } = await newWatchedPage();
  try {
    await tab.goto(other.url);
    await tab.waitForFunction(() => customElements.get('fiskil-link') !== undefined);
    // The shadow tree is built (DOM calls, no HTML strings) and styled.
    const built = await tab.evaluate(async () => {
      const el = /** @type {any} */ (document.querySelector('fiskil-link'));
      await el.updateComplete;
      const root = el.shadowRoot;
      return {
        dialog: !!root?.querySelector('dialog[part="dialog"] button[part="close"] svg path'),
        adopted: root?.adoptedStyleSheets.length,
      };
    });
    assert.deepEqual(built, { dialog: true, adopted: 1 });
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await other.close();
  }
});
