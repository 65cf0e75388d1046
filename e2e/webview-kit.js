// @ts-check
// What the mobile bridge page's tests (e2e/webview-*.test.js) share: the demo
// and the sandbox with Debian's Chromium, and the native side of dist/webview.html
// (docs/mobile.md). Playwright's addInitScript puts the channel an app's WebView
// would inject (React Native, iOS, Android or Flutter) on the page before any
// script runs, and records what it receives.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../engines/chromium.js';
import { startAll } from '../demo/start.js';

// The built package, as the bridge page runs it (a variable specifier: dist/ is
// built by `npm test`'s pretest, after the type-check has run).
const built = '../dist/index.js';
export const { LinkError } = /** @type {typeof import('../src/errors.js')} */ (await import(built));

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
export const SHOTS = '/tmp/webview-shots';

/** Each test's own limit; the file's is in package.json (`--test-timeout`). */
export const T = { timeout: 90_000 };

/**
 * The demo and the sandbox, on free ports, set by `useBridgeApp()`.
 * @type {Awaited<ReturnType<typeof startAll>>}
 */
export let app;
/** Chromium, set by `useBridgeApp()`. @type {import('playwright-core').Browser} */
export let browser;

/** Starts the demo, the sandbox and Chromium before the calling file's tests, and stops them after. */
export function useBridgeApp() {
  before(async () => {
    app = await startAll({ sandboxPort: 0, demoPort: 0, quiet: true });
    browser = await chromium.launch(chromiumLaunchOptions());
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });
}

/** The three bridges of docs/mobile.md, by where each platform puts it. */
export const CHANNELS = /** @type {const} */ ({
  'React Native': 'ReactNativeWebView',
  iOS: 'webkit.messageHandlers.fiskilLink',
  'Android and Flutter': 'fiskilLink',
});
/** @typedef {keyof typeof CHANNELS} ChannelName */

/**
 * Runs in the page before its scripts: defines each channel at its path, recording
 * every string it is given in `window.received[path]`; a path in `throwing` throws
 * after recording. Also records every CSP violation and uncaught error.
 * @param {{ paths: string[], throwing: string[] }} arg
 */
function installChannels({ paths, throwing }) {
  const w = /** @type {any} */ (window);
  w.received = {};
  w.violations = [];
  w.uncaught = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  window.addEventListener('error', (e) => w.uncaught.push(String(e.message)));
  for (const path of paths) {
    w.received[path] = [];
    const keys = path.split('.');
    let target = w;
    for (const key of keys.slice(0, -1)) target = target[key] ??= {};
    target[keys.at(-1) ?? ''] = {
      postMessage(/** @type {unknown} */ message) {
        w.received[path].push(message);
        if (throwing.includes(path)) throw new Error(`${path} is broken`);
      },
    };
  }
}

/**
 * A fresh page (phone-sized unless `viewport` says otherwise) with the given channels.
 * @param {{ channels?: ChannelName[], throwing?: ChannelName[], context?: import('playwright-core').BrowserContextOptions }} [options]
 */
export async function bridgePage({
  channels = ['Android and Flutter'],
  throwing = [],
  context,
} = {}) {
  const ctx = await browser.newContext(context ?? { viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  await page.addInitScript(installChannels, {
    paths: channels.map((c) => CHANNELS[c]),
    throwing: throwing.map((c) => CHANNELS[c]),
  });
  return page;
}

/** The bridge page's URL, with a fragment built from `keys` (none when omitted). */
export const bridgeUrl = (/** @type {Record<string, string> | undefined} */ keys) =>
  `${app.demoUrl}/dist/webview.html${keys ? `#${new URLSearchParams(keys)}` : ''}`;

/** A fresh auth session from the demo backend (as the app's backend would make one). */
export async function newSession() {
  const res = await fetch(`${app.demoUrl}/api/connect`, { method: 'POST' });
  assert.equal(res.status, 200);
  return /** @type {{ session_id: string, end_user_id: string }} */ (await res.json());
}

/** What one channel has received so far. */
export const received = (
  /** @type {import('playwright-core').Page} */ page,
  channel = 'Android and Flutter',
) =>
  page.evaluate(
    (path) => /** @type {string[]} */ (/** @type {any} */ (window).received[path]),
    CHANNELS[/** @type {ChannelName} */ (channel)],
  );

/** Waits until a channel has received `count` messages. */
export async function waitForMessages(
  /** @type {import('playwright-core').Page} */ page,
  /** @type {number} */ count,
  /** @type {ChannelName} */ channel = 'Android and Flutter',
) {
  await page.waitForFunction(
    ([path, n]) => /** @type {any} */ (window).received[path].length >= Number(n),
    [CHANNELS[channel], count],
  );
  return received(page, channel);
}

/**
 * The exact JSON string the page must send for an event. For `link-error`, the
 * end-user sentence and `retryable` are the package's own (`LinkError`), and a
 * `message` or `details` the sandbox or element words is checked, then given as
 * `got` had it.
 * @param {string} type
 * @param {{ code?: string, consentID?: string, errorType?: string, messageIncludes?: string }} [expect]
 * @param {string} [got] the string received, for the values only the sandbox knows
 */
function expectedJson(type, expect = {}, got = '{}') {
  const actual = JSON.parse(got);
  if (type === 'consent') {
    const { consentID, redirectURL } = actual.detail ?? {};
    assert.equal(consentID, expect.consentID);
    assert.match(redirectURL, new RegExp(`consent_id=${consentID}`));
    return JSON.stringify({ source: 'fiskil-link', type, detail: { consentID, redirectURL } });
  }
  if (type === 'link-error') {
    const code = /** @type {string} */ (expect.code);
    const { message, details } = actual.detail ?? {};
    assert.equal(typeof message, 'string');
    assert.ok(message.length > 0, 'a link-error message');
    if (expect.messageIncludes) assert.ok(message.includes(expect.messageIncludes), message);
    const sample = new LinkError(code, message);
    /** @type {Record<string, unknown>} */
    const detail = {
      code,
      message,
      displayMessage: sample.displayMessage,
      retryable: sample.retryable,
    };
    if (expect.errorType) {
      assert.equal(details?.error_type, expect.errorType);
      detail.details = details;
    }
    return JSON.stringify({ source: 'fiskil-link', type, detail });
  }
  return JSON.stringify({ source: 'fiskil-link', type, detail: null });
}

/** Asserts the exact messages, in order: `[type, expect?]` each. */
export function assertMessages(
  /** @type {string[]} */ got,
  /** @type {[string, Parameters<typeof expectedJson>[1]?][]} */ expected,
) {
  assert.deepEqual(
    got.map((_, i) => JSON.parse(got[i]).type),
    expected.map(([type]) => type),
    'the message types, in order',
  );
  expected.forEach(([type, expect], i) => assert.equal(got[i], expectedJson(type, expect, got[i])));
}

/**
 * The messages of a flow that was shown, loaded and ended with `code`; `errorType`
 * when the hosted page reported it (its `details`).
 * @returns {[string, Parameters<typeof expectedJson>[1]?][]}
 */
export const failedFlow = (/** @type {string} */ code, errorType = '') => [
  ['link-open'],
  ['link-load'],
  ['link-error', errorType ? { code, errorType } : { code }],
  ['link-close'],
];

/** The hosted page, inside the element's cross-origin iframe. */
export const hosted = (/** @type {import('playwright-core').Page} */ page) =>
  page.frameLocator('iframe');

/** The page's own notice, as a person reads it. */
export const notice = (/** @type {import('playwright-core').Page} */ page) =>
  page.locator('#notice');

/** Runs axe-core on the bridge page itself (the hosted pages have e2e/accessibility.test.js). */
export async function axeViolations(/** @type {import('playwright-core').Page} */ page) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Through the page's own Trusted Types policy: axe is injected as a script.
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const axe = /** @type {any} */ (window).axe;
    const { violations } = await axe.run(document, {
      iframes: false,
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return violations.map(
      (/** @type {any} */ v) =>
        `${v.id}: ${v.nodes.map((/** @type {any} */ n) => n.target).join(', ')}`,
    );
  });
}
