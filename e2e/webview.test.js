// @ts-check
// The mobile bridge page, dist/webview.html (docs/mobile.md), in Debian's Chromium
// against the sandbox. Each test plays the native side: Playwright's addInitScript
// puts the channel an app's WebView would inject (React Native, iOS, Android or
// Flutter) on the page before any script runs, and records what it receives.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../engines/chromium.js';
import { startAll } from '../demo/start.js';
import { toConsentScreen } from './sandbox-journey.js';

// The built package, as the bridge page runs it (a variable specifier: dist/ is
// built by `npm test`'s pretest, after the type-check has run).
const built = '../dist/index.js';
const { LinkError } = /** @type {typeof import('../src/errors.js')} */ (await import(built));

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const SHOTS = '/tmp/webview-shots';

/** Each test's own limit; the file's is in package.json (`--test-timeout`). */
const T = { timeout: 90_000 };

/** @type {Awaited<ReturnType<typeof startAll>>} */
let app;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  app = await startAll({ sandboxPort: 0, demoPort: 0, quiet: true });
  browser = await chromium.launch(chromiumLaunchOptions());
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** The three bridges of docs/mobile.md, by where each platform puts it. */
const CHANNELS = /** @type {const} */ ({
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
async function bridgePage({ channels = ['Android and Flutter'], throwing = [], context } = {}) {
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
const bridgeUrl = (/** @type {Record<string, string> | undefined} */ keys) =>
  `${app.demoUrl}/dist/webview.html${keys ? `#${new URLSearchParams(keys)}` : ''}`;

/** A fresh auth session from the demo backend (as the app's backend would make one). */
async function newSession() {
  const res = await fetch(`${app.demoUrl}/api/connect`, { method: 'POST' });
  assert.equal(res.status, 200);
  return /** @type {{ session_id: string, end_user_id: string }} */ (await res.json());
}

/** What one channel has received so far. */
const received = (
  /** @type {import('playwright-core').Page} */ page,
  channel = 'Android and Flutter',
) =>
  page.evaluate(
    (path) => /** @type {string[]} */ (/** @type {any} */ (window).received[path]),
    CHANNELS[/** @type {ChannelName} */ (channel)],
  );

/** Waits until a channel has received `count` messages. */
async function waitForMessages(
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
function assertMessages(
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
const failedFlow = (/** @type {string} */ code, errorType = '') => [
  ['link-open'],
  ['link-load'],
  ['link-error', errorType ? { code, errorType } : { code }],
  ['link-close'],
];

/** The hosted page, inside the element's cross-origin iframe. */
const hosted = (/** @type {import('playwright-core').Page} */ page) => page.frameLocator('iframe');

/** The consents the sandbox API lists for an end user (as the app's backend reads them). */
async function consentsOf(/** @type {string} */ endUserId) {
  const t = await fetch(`${app.sandboxUrl}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'demo_client_id', client_secret: 'demo_client_secret' }),
  });
  const { token } = await t.json();
  const res = await fetch(`${app.sandboxUrl}/v1/consent?end_user_id=${endUserId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return /** @type {{ arrangement_id: string }[]} */ (await res.json());
}

/** The page's own notice, as a person reads it. */
const notice = (/** @type {import('playwright-core').Page} */ page) => page.locator('#notice');

/** Runs axe-core on the bridge page itself (the hosted pages have e2e/accessibility.test.js). */
async function axeViolations(/** @type {import('playwright-core').Page} */ page) {
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

for (const channel of /** @type {ChannelName[]} */ (Object.keys(CHANNELS))) {
  describe(`through the ${channel} channel (${CHANNELS[channel]})`, () => {
    /** Opens the page for a fresh session, by fragment, and waits for the hosted page. */
    async function open() {
      const session = await newSession();
      const page = await bridgePage({ channels: [channel] });
      await page.goto(
        bridgeUrl({ 'session-id': session.session_id, 'auth-server': app.sandboxUrl }),
      );
      await hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      return { page, session };
    }

    it('the journey to a consent: link-open, link-load, consent, link-close', T, async () => {
      const { page, session } = await open();
      await toConsentScreen(hosted(page));
      await hosted(page).getByRole('button', { name: 'Share data' }).click();
      const got = await waitForMessages(page, 4, channel);
      const consents = await consentsOf(session.end_user_id);
      const consentID = JSON.parse(got[2]).detail.consentID;
      assert.ok(
        consents.some((c) => c.arrangement_id === consentID),
        'the API lists it',
      );
      assertMessages(got, [
        ['link-open'],
        ['link-load'],
        ['consent', { consentID }],
        ['link-close'],
      ]);
      await notice(page).getByText('Your account is connected.').waitFor();
      assert.equal(await page.locator('iframe').count(), 0, 'the modal is gone');
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).violations), []);
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).uncaught), []);
      await page.context().close();
    });

    for (const [name, code, steps] of /** @type {const} */ ([
      ['Cancel in the hosted page', 'AUTH_SESSION_CANCELLED', ['Cancel']],
      ['Deny on the consent screen', 'CONSENT_ENDUSER_DENIED', ['consent screen', 'Deny']],
    ])) {
      it(`${name}: ${code}, with the hosted page's details`, T, async () => {
        const { page } = await open();
        for (const step of steps) {
          if (step === 'consent screen') await toConsentScreen(hosted(page));
          else await hosted(page).getByRole('button', { name: step }).click();
        }
        assertMessages(await waitForMessages(page, 4, channel), failedFlow(code, code));
        await page.context().close();
      });
    }

    it(
      'an unknown session: LINK_INVALID_SESSION, the explanation stays until closed',
      T,
      async () => {
        const page = await bridgePage({ channels: [channel] });
        await page.goto(bridgeUrl({ 'session-id': 'ses_unknown', 'auth-server': app.sandboxUrl }));
        await hosted(page)
          .getByRole('heading', { name: /can’t be used/ })
          .waitFor();
        const got = await waitForMessages(page, 3, channel);
        assertMessages(got, failedFlow('LINK_INVALID_SESSION', 'LINK_INVALID_SESSION').slice(0, 3));
        // The page shows nothing of its own behind the hosted page's explanation.
        assert.equal(await page.locator('#notice-title').textContent(), '');
        assert.equal(
          await page.evaluate(() => /** @type {any} */ (window).fiskilLinkWebView?.cancel()),
          true,
        );
        assertMessages(
          await waitForMessages(page, 4, channel),
          failedFlow('LINK_INVALID_SESSION', 'LINK_INVALID_SESSION'),
        );
        await page.context().close();
      },
    );
  });
}

describe('input', () => {
  it(
    'by start(): the page waits without a fragment; cancel() from native ends the flow',
    T,
    async () => {
      const session = await newSession();
      const page = await bridgePage();
      await page.goto(bridgeUrl(undefined));
      await page.waitForFunction(() => 'fiskilLinkWebView' in window);
      assert.deepEqual(await received(page), [], 'nothing before start()');
      assert.equal(await page.locator('#notice-title').textContent(), '', 'nothing on screen');
      await page.evaluate(
        ([sessionId, authServer]) =>
          /** @type {any} */ (window).fiskilLinkWebView?.start({ sessionId, authServer }),
        [session.session_id, app.sandboxUrl],
      );
      await hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      await waitForMessages(page, 2);
      assert.equal(
        await page.evaluate(() => /** @type {any} */ (window).fiskilLinkWebView?.cancel()),
        true,
      );
      assertMessages(await waitForMessages(page, 4), failedFlow('LINK_USER_CANCELLED'));
      assert.equal(
        await page.evaluate(() => /** @type {any} */ (window).fiskilLinkWebView?.cancel()),
        false,
      );
      assert.equal((await received(page)).length, 4, 'a second cancel() sends nothing');
      await notice(page)
        .getByText(new LinkError('LINK_USER_CANCELLED', '').displayMessage)
        .waitFor();
      await page.context().close();
    },
  );

  it('a new fragment on the loaded page starts a new flow (hashchange)', T, async () => {
    const page = await bridgePage();
    await page.goto(bridgeUrl({ 'session-id': 'ses_x', 'auth-server': 'javascript:alert(1)' }));
    await waitForMessages(page, 1);
    const session = await newSession();
    await page.evaluate(
      (hash) => (location.hash = hash),
      new URLSearchParams({
        'session-id': session.session_id,
        'auth-server': app.sandboxUrl,
      }).toString(),
    );
    await hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
    assertMessages(await waitForMessages(page, 3), [
      ['link-error', { code: 'LINK_INVALID_CONFIG', messageIncludes: 'auth-server' }],
      ['link-open'],
      ['link-load'],
    ]);
    await page.context().close();
  });

  /** Asserts one LINK_INVALID_CONFIG, no iframe, no request beyond the page's own files, and the notice. */
  async function assertRefused(
    /** @type {(page: import('playwright-core').Page) => Promise<unknown>} */ act,
    /** @type {string} */ names,
  ) {
    const page = await bridgePage();
    /** @type {string[]} */
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await act(page);
    const got = await waitForMessages(page, 1);
    assertMessages(got, [['link-error', { code: 'LINK_INVALID_CONFIG', messageIncludes: names }]]);
    await notice(page).getByText(JSON.parse(got[0]).detail.message).waitFor();
    assert.equal(await page.locator('iframe').count(), 0, 'nothing loaded');
    assert.deepEqual(
      requests.filter((url) => !url.startsWith(`${app.demoUrl}/dist/`)),
      [],
      'no request beyond the page and its files',
    );
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).violations), []);
    assert.equal((await received(page)).length, 1, 'one message only');
    assert.deepEqual(await axeViolations(page), [], 'axe-core on the notice');
    await page.context().close();
  }

  it('a fragment without a session id: LINK_INVALID_CONFIG naming session-id', T, () =>
    assertRefused((page) => page.goto(bridgeUrl({ 'auth-server': app.sandboxUrl })), 'session-id'),
  );

  it('start() without a session id: LINK_INVALID_CONFIG naming session-id', T, () =>
    assertRefused(async (page) => {
      await page.goto(bridgeUrl(undefined));
      await page.evaluate(() =>
        /** @type {any} */ (window).fiskilLinkWebView?.start({ sessionId: '  ' }),
      );
    }, 'session-id'),
  );

  it('a fragment with auth-server=javascript:…: LINK_INVALID_CONFIG, nothing loaded', T, () =>
    assertRefused(
      (page) =>
        page.goto(bridgeUrl({ 'session-id': 'ses_1', 'auth-server': 'javascript:alert(1)' })),
      'auth-server',
    ),
  );

  it('a fragment with allowed-origin=*: LINK_INVALID_CONFIG, nothing loaded', T, () =>
    assertRefused(
      (page) =>
        page.goto(
          bridgeUrl({
            'session-id': 'ses_1',
            'auth-server': app.sandboxUrl,
            'allowed-origin': '*',
          }),
        ),
      'allowed-origin',
    ),
  );

  it('a fragment with a key the page does not know: LINK_INVALID_CONFIG naming it', T, () =>
    assertRefused(
      (page) => page.goto(bridgeUrl({ 'session-id': 'ses_1', sessionid: 'x' })),
      'sessionid',
    ),
  );

  it(
    'start() with a string instead of options: LINK_INVALID_CONFIG, and it does not throw',
    T,
    () =>
      assertRefused(async (page) => {
        await page.goto(bridgeUrl(undefined));
        // A string where start() takes options: what a careless native caller might pass.
        await page.evaluate(() => /** @type {any} */ (window).fiskilLinkWebView?.start('ses_1'));
      }, 'start()'),
  );
});

describe('channels', () => {
  it('two channels at once both receive every message, identical and in order', T, async () => {
    const session = await newSession();
    const page = await bridgePage({ channels: ['React Native', 'Android and Flutter'] });
    await page.goto(bridgeUrl({ 'session-id': session.session_id, 'auth-server': app.sandboxUrl }));
    await hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
    await hosted(page).getByRole('button', { name: 'Cancel' }).click();
    const android = await waitForMessages(page, 4, 'Android and Flutter');
    assertMessages(android, failedFlow('AUTH_SESSION_CANCELLED', 'AUTH_SESSION_CANCELLED'));
    assert.deepEqual(await waitForMessages(page, 4, 'React Native'), android);
    await page.context().close();
  });

  it(
    'a channel that throws does not stop the other, and nothing reaches the page as an error',
    T,
    async () => {
      const session = await newSession();
      const page = await bridgePage({
        channels: ['iOS', 'Android and Flutter'],
        throwing: ['iOS'],
      });
      /** @type {Error[]} */
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e));
      await page.goto(
        bridgeUrl({ 'session-id': session.session_id, 'auth-server': app.sandboxUrl }),
      );
      await hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      await page.evaluate(() => /** @type {any} */ (window).fiskilLinkWebView?.cancel());
      const android = await waitForMessages(page, 4, 'Android and Flutter');
      assertMessages(android, failedFlow('LINK_USER_CANCELLED'));
      assert.deepEqual(
        await received(page, 'iOS'),
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
    T,
    async () => {
      const page = await bridgePage({ channels: [] });
      const session = await newSession();
      await page.goto(
        bridgeUrl({ 'session-id': session.session_id, 'auth-server': app.sandboxUrl }),
      );
      await notice(page).getByText('Open this page from your app.').waitFor();
      assert.equal(await page.locator('iframe').count(), 0, 'nothing loaded');
      assert.deepEqual(await axeViolations(page), [], 'axe-core on the notice');
      await page.screenshot({ path: `${SHOTS}/no-channel.png` });
      // As an Android app does when it adds its bridge late and calls start() itself.
      await page.evaluate(
        ([sessionId, authServer]) => {
          const w = /** @type {any} */ (window);
          w.received.late = [];
          w.fiskilLink = { postMessage: (/** @type {string} */ m) => w.received.late.push(m) };
          w.fiskilLinkWebView.start({ sessionId, authServer });
        },
        [session.session_id, app.sandboxUrl],
      );
      await hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      assert.equal(await page.locator('#notice-title').textContent(), '', 'the notice is gone');
      await page.context().close();
    },
  );

  it(
    'from a file: URL, as a bundled asset: the classic scripts run under the page CSP',
    T,
    async () => {
      const page = await bridgePage();
      const file = new URL('../dist/webview.html', import.meta.url).href;
      await page.goto(`${file}#session-id=ses_1&allowed-origin=*`);
      const got = await waitForMessages(page, 1);
      assertMessages(got, [
        ['link-error', { code: 'LINK_INVALID_CONFIG', messageIncludes: 'allowed-origin' }],
      ]);
      assert.equal(await page.evaluate(() => typeof customElements.get('fiskil-link')), 'function');
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).violations), []);
      await page.context().close();
    },
  );
});

describe('on a phone', () => {
  const phone = {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 3,
  };

  it(
    '390 × 844 portrait: loading, the flow and the end state fill the screen; axe finds nothing',
    T,
    async () => {
      const session = await newSession();
      let page = await bridgePage({ context: phone });
      // Hold the hosted page's response, so that the loading state can be seen.
      /** @type {() => void} */
      let release = () => {};
      const held = new Promise((resolve) => (release = () => resolve(undefined)));
      await page.route(`${app.sandboxUrl}/**`, async (route) => {
        if (route.request().resourceType() === 'document') await held;
        await route.continue();
      });
      // The page's `load` waits for the iframe's, which is held.
      await page.goto(
        bridgeUrl({ 'session-id': session.session_id, 'auth-server': app.sandboxUrl }),
        { waitUntil: 'domcontentloaded' },
      );
      await page.locator('fiskil-link').getByText('Loading secure connection').waitFor();
      await assertFullScreen(page);
      assert.deepEqual(await axeViolations(page), [], 'axe-core while loading');
      await page.screenshot({ path: `${SHOTS}/phone-loading.png` });

      release();
      await page.context().close();

      // The journey on a page of its own: one whose hosted page was held by
      // page.route() now and then took no tap afterwards (seen in Chromium 156).
      const journey = await bridgePage({ context: phone });
      page = journey;
      await page.goto(
        bridgeUrl({ 'session-id': (await newSession()).session_id, 'auth-server': app.sandboxUrl }),
      );
      await waitForMessages(page, 2);
      await hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      await assertFullScreen(page);
      assert.deepEqual(await axeViolations(page), [], 'axe-core over the flow');
      await page.screenshot({ path: `${SHOTS}/phone-flow.png` });

      await toConsentScreen(hosted(page), (button) => button.tap());
      await page.screenshot({ path: `${SHOTS}/phone-consent-screen.png` });
      await hosted(page).getByRole('button', { name: 'Share data' }).tap();
      await notice(page).getByText('Your account is connected.').waitFor();
      await assertFullScreen(page);
      assert.deepEqual(await axeViolations(page), [], 'axe-core on the end state');
      await page.screenshot({ path: `${SHOTS}/phone-end.png` });
      assert.equal((await received(page)).length, 4);
      await page.context().close();
    },
  );

  for (const [name, viewport] of /** @type {const} */ ([
    ['844 × 390 landscape', { width: 844, height: 390 }],
    ['360 × 740 portrait', { width: 360, height: 740 }],
    ['430 × 932 portrait', { width: 430, height: 932 }],
    ['932 × 430 landscape', { width: 932, height: 430 }],
  ])) {
    it(`${name}: the flow and a long notice fit, nothing scrolls`, T, async () => {
      const page = await bridgePage({ context: { ...phone, viewport } });
      const session = await newSession();
      await page.goto(
        bridgeUrl({ 'session-id': session.session_id, 'auth-server': app.sandboxUrl }),
      );
      await hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      await assertFullScreen(page);
      const shot = name.replace(/\W+/g, '-');
      await page.screenshot({ path: `${SHOTS}/${shot}-flow.png` });
      // The longest notice the page shows: bad input, with the element's own message.
      await page.evaluate(() =>
        /** @type {any} */ (window).fiskilLinkWebView?.start({
          sessionId: 'ses_1',
          allowedOrigin: '*',
        }),
      );
      await notice(page)
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
      await page.screenshot({ path: `${SHOTS}/${shot}-notice.png` });
      await page.context().close();
    });
  }
});

describe('under npm start', () => {
  it(
    'the demo links the mobile page, which runs the bridge page in a frame playing the app',
    T,
    async () => {
      const page = await (await browser.newContext()).newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(app.demoUrl);
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
        new RegExp(`^${app.demoUrl}/dist/webview\\.html#session-id=sess?_\\w+&auth-server=`),
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
    T,
    async () => {
      const page = await (await browser.newContext()).newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${app.demoUrl}/playground.html`);
      // The tests' sandbox is on a free port, never 4010.
      await page.waitForFunction(
        (url) =>
          /** @type {HTMLInputElement} */ (document.querySelector('#auth-server')).value === url,
        app.sandboxUrl,
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
