// @ts-check
// Accessibility end to end: the whole sandbox journey with the keyboard alone
// (Tab, Shift+Tab, Enter, Space, Escape), and axe-core on every hosted page it
// passes through, inside the element's cross-origin iframe, in Debian's Chromium.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../test/chromium.js';
import { startAll } from '../demo/start.js';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const T = { timeout: 60_000 };

/** @type {Awaited<ReturnType<typeof startAll>>} */
let app;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;

before(async () => {
  app = await startAll({ sandboxPort: 0, demoPort: 0, quiet: true });
  browser = await chromium.launch(chromiumLaunchOptions());
  page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(10_000);
});
after(async () => {
  await browser?.close();
  await app?.close();
});
beforeEach(async () => {
  await fetch(`${app.demoUrl}/api/reset`, { method: 'POST' });
  await page.goto(app.demoUrl);
});

/** The sandbox's hosted page: the element's cross-origin iframe. */
function hosted() {
  const frame = page.frames().find((f) => f.url().startsWith(app.sandboxUrl));
  assert.ok(frame, 'the hosted page is loaded');
  return frame;
}

/** What has keyboard focus, in the page or in the hosted page: its accessible name, roughly. */
async function focused() {
  const describe = () => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return { tag: '', name: '' };
    // Visible text without aria-hidden parts, as an accessible name from content.
    const text = (/** @type {Node} */ node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (/** @type {Element} */ (node).getAttribute?.('aria-hidden') === 'true') return '';
      return [...node.childNodes].map(text).join(' ');
    };
    const labels = /** @type {HTMLInputElement} */ (el).labels;
    const name = el.getAttribute('aria-label') ?? text(labels?.length ? labels[0] : el);
    return { tag: el.tagName, name: name.replace(/\s+/g, ' ').trim() };
  };
  const top = await page.evaluate(describe);
  if (top.tag !== 'IFRAME') return { where: 'page', ...top };
  return { where: 'hosted', ...(await hosted().evaluate(describe)) };
}

/** Presses Tab (or Shift+Tab) until `name` has focus; fails after 40 presses. */
async function tabTo(/** @type {RegExp} */ name, key = 'Tab') {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(key);
    if (name.test((await focused()).name)) return;
  }
  assert.fail(`${key} never reached ${name}; focus is on ${JSON.stringify(await focused())}`);
}

/** Waits for the hosted page's heading, then runs axe-core on it (WCAG 2.x A and AA). */
async function hostedStep(/** @type {string | RegExp} */ heading) {
  await page.frameLocator('iframe').getByRole('heading', { name: heading }).first().waitFor();
  const frame = hosted();
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => {
    const axe = /** @type {any} */ (window).axe;
    const { violations } = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return violations.map(
      (/** @type {any} */ v) =>
        `${v.id}: ${v.nodes.map((/** @type {any} */ n) => n.target).join(', ')}`,
    );
  });
  assert.deepEqual(violations, [], `axe-core on the hosted page "${heading}"`);
}

/** The first `consent` or `link-error` the demo page received. */
async function outcome() {
  const handle = await page.waitForFunction(() =>
    /** @type {any} */ (window).fiskilDemo.events.find(
      (/** @type {any} */ e) => e.type === 'consent' || e.type === 'link-error',
    ),
  );
  return /** @type {{ type: string; detail: any }} */ (await handle.jsonValue());
}

async function connectWithKeyboard() {
  await tabTo(/^Connect your bank$/);
  await page.keyboard.press('Enter');
  await hostedStep('Select your institution');
}

describe('keyboard only, through the sandbox journey', () => {
  it(
    'Tab, Shift+Tab, Enter and Space take the user from "Connect your bank" to a consent',
    T,
    async () => {
      await connectWithKeyboard();

      await tabTo(/^Sandbox Bank$/);
      await page.keyboard.press('Enter');
      await hostedStep('Log in to Sandbox Bank');
      await tabTo(/^Username$/);
      await page.keyboard.type('user_good');
      await page.keyboard.press('Tab');
      assert.equal((await focused()).name, 'Password');
      await page.keyboard.type('pass_good');
      await page.keyboard.press('Shift+Tab');
      assert.equal((await focused()).name, 'Username', 'Shift+Tab goes back a field');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');

      await hostedStep('Enter your one-time code');
      await tabTo(/^One-time code$/);
      await page.keyboard.type('123456');
      await page.keyboard.press('Enter');

      await hostedStep('Select accounts to share');
      await tabTo(/Low Rate Card/);
      await page.keyboard.press('Space');
      const unchecked = await hosted().evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return /** @type {HTMLInputElement} */ (el).checked === false;
      });
      assert.ok(unchecked, 'Space unticks the focused account');
      await tabTo(/^Continue$/);
      await page.keyboard.press('Enter');

      await hostedStep('Confirm what you share');
      await tabTo(/^Share data$/);
      await page.keyboard.press('Space');

      const got = await outcome();
      assert.equal(got.type, 'consent');
      assert.match(got.detail.consentID, /^arr_/);
      await page.waitForFunction(
        () => /** @type {any} */ (window).fiskilDemo.events.at(-1)?.type === 'link-close',
      );
      const back = await focused();
      assert.equal(back.where, 'page');
      assert.equal(back.name, 'Connect your bank', 'focus is back on the trigger');
    },
  );

  it('Shift+Tab leaves the hosted page for the close control, and Escape cancels', T, async () => {
    await connectWithKeyboard();
    await tabTo(/^Sandbox Bank$/);
    await tabTo(/^Close$/, 'Shift+Tab');
    assert.equal((await focused()).where, 'page');
    await page.keyboard.press('Escape');
    const got = await outcome();
    assert.equal(got.type, 'link-error');
    assert.equal(got.detail.code, 'LINK_USER_CANCELLED');
    const back = await focused();
    assert.equal(back.name, 'Connect your bank', 'focus is back on the trigger');
  });

  it('the close control, reached with Shift+Tab, cancels with Enter too', T, async () => {
    await connectWithKeyboard();
    await tabTo(/^Close$/, 'Shift+Tab');
    await page.keyboard.press('Enter');
    assert.equal((await outcome()).detail.code, 'LINK_USER_CANCELLED');
  });
});

describe('axe-core on the hosted pages outside the happy path', () => {
  it('a session that cannot be used', T, async () => {
    await page.evaluate((authServer) => {
      const el = /** @type {any} */ (document.querySelector('fiskil-link'));
      el.authServer = authServer;
      el.sessionId = 'ses_unknown';
    }, app.sandboxUrl);
    await hostedStep(/can’t be used/);
  });
});
