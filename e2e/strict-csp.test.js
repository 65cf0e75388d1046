// @ts-check
// The element on a page with the strictest CSP an integrator is likely to run
// (README "Security"): the whole journey, with zero securitypolicyviolation events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { startStrictPage } from './strict-page.js';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// A stand-in hosted flow on its own origin: one page, one "Allow" button.
const HOSTED_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hosted</title>
<script type="module" src="/hosted.js"></script></head>
<body><main><h1>Share your data?</h1><button id="allow" type="button">Allow</button></main></body></html>`;
const HOSTED_JS = `const parentOrigin = new URL(location.href).searchParams.get('parent');
const id = new URL(location.href).searchParams.get('sess_id');
document.querySelector('#allow').addEventListener('click', () => {
  parent.postMessage({ isCompleted: true, consentID: 'con_' + id, redirectURL: '/done' }, parentOrigin);
});`;

/** @type {import('node:http').Server} */
let hosted;
/** @type {Awaited<ReturnType<typeof startStrictPage>>} */
let page;
/** @type {import('playwright-core').Browser} */
let browser;
let sessions = 0;

before(async () => {
  hosted = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://hosted.invalid');
    if (pathname === '/hosted.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(HOSTED_JS);
    } else if (pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOSTED_HTML);
    } else res.writeHead(404).end();
  });
  hosted.keepAliveTimeout = 500;
  await new Promise((resolve) => hosted.listen(0, '127.0.0.1', () => resolve(undefined)));
  const hostedPort = /** @type {import('node:net').AddressInfo} */ (hosted.address()).port;
  // localhost and 127.0.0.1 are different origins: the hosted flow is cross-origin, as in production.
  page = await startStrictPage({
    authOrigin: `http://localhost:${hostedPort}`,
    authServer: (pageOrigin) =>
      `http://localhost:${hostedPort}/?parent=${encodeURIComponent(pageOrigin)}`,
    createSession: async () => `ses_strict_${++sessions}`,
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await page?.close();
  hosted?.closeAllConnections();
  await new Promise((resolve) => hosted?.close(() => resolve(undefined)));
});

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
  assert.match(policy, /frame-src http:\/\/localhost:\d+/);
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
    const frame = tab.frames().find((f) => f.url().includes('sess_id=ses_strict_'));
    assert.ok(frame, 'the hosted frame');
    await frame.click('#allow');
    await tab.locator('#log li', { hasText: 'link-close' }).waitFor();
    const log = await tab.locator('#log li').allTextContents();
    assert.deepEqual(log, [
      'link-open',
      'link-load',
      `consent con_${frame.url().match(/sess_id=(\w+)/)?.[1]}`,
      'link-close',
    ]);
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

test('a trusted-types list without lit-html stops the element from loading (why README asks for it)', async () => {
  const other = await startStrictPage({
    authOrigin: 'http://localhost:1',
    authServer: () => 'http://localhost:1/',
    createSession: async () => 'ses_unused',
    trustedTypes: 'app-policy',
  });
  const { context, tab, errors, violations } = await newWatchedPage();
  try {
    await tab.goto(other.url);
    await tab.waitForFunction(() => /** @type {any} */ (window).__violations.length > 0);
    assert.equal(await tab.evaluate(() => customElements.get('fiskil-link')), undefined);
    assert.ok((await violations()).some((v) => v.startsWith('trusted-types')));
    assert.ok(
      errors.some((e) => e.includes('lit-html')),
      errors.join('\n'),
    );
  } finally {
    await context.close();
    await other.close();
  }
});
