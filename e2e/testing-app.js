// @ts-check
// An integrator's app for the testing kit's end-to-end tests: a page with a
// production `<fiskil-link>` (no auth-server) from the built files, and a
// backend that gets auth sessions from a sandbox, as the app's backend would.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { createSandbox } from '../sandbox/server.js';
import { chromiumLaunchOptions } from '../engines/chromium.js';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

// The page: "Connect" asks the backend for a session and sets it on the element.
// What the element dispatches is kept in `window.events` for the tests to read.
const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Checkout</title>
  <script type="module" src="/dist/fiskil-link.js"></script></head>
  <body>
    <h1>Checkout</h1>
    <button id="connect">Connect</button>
    <fiskil-link></fiskil-link>
    <script type="module">
      window.events = [];
      const el = document.querySelector('fiskil-link');
      for (const type of ['consent', 'link-error']) {
        el.addEventListener(type, (e) => window.events.push({ type, detail: e.detail }));
      }
      document.getElementById('connect').addEventListener('click', async () => {
        const { session_id } = await (await fetch('/api/session', { method: 'POST' })).json();
        el.sessionId = session_id;
      });
    </script>
  </body>
</html>`;

/** Starts a sandbox and the app; `close()` stops both. */
export async function startApp() {
  const sandbox = createSandbox({ log: () => {} });
  const sandboxUrl = await sandbox.listen(0);
  const o = sandbox.options;

  /** The sandbox API, as the app's backend calls it. @param {string} method @param {string} route @param {unknown} [body] */
  async function api(method, route, body) {
    const t = await fetch(`${sandboxUrl}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: o.clientId, client_secret: o.clientSecret }),
    });
    const { token } = await t.json();
    const res = await fetch(sandboxUrl + route, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.json();
  }

  /** A new end user's auth session id. */
  async function newSession() {
    const { end_user_id } = await api('POST', '/v1/end-users', {});
    const { session_id } = await api('POST', '/v1/auth/session', { end_user_id });
    return /** @type {string} */ (session_id);
  }

  /** Sessions the next "Connect" clicks hand out (else a new one each). @type {string[]} */
  const queued = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://app');
      if (req.method === 'POST' && url.pathname === '/api/session') {
        const session_id = queued.shift() ?? (await newSession());
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ session_id }));
      } else if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(PAGE);
      } else if (url.pathname.startsWith('/dist/') && !url.pathname.includes('..')) {
        const body = await readFile(path.join(DIST, url.pathname.slice('/dist/'.length)));
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(body);
      } else {
        res.writeHead(404).end();
      }
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    appUrl: `http://127.0.0.1:${address.port}/`,
    sandboxUrl,
    api,
    newSession,
    queued,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await sandbox.close();
    },
  };
}

/**
 * The app and Debian's Chromium for one test file: started before its tests,
 * closed after them. Read `app` and `browser` inside the tests.
 */
export function appAndBrowser() {
  const setup = {
    /** @type {Awaited<ReturnType<typeof startApp>>} */
    app: /** @type {any} */ (undefined),
    /** @type {import('playwright-core').Browser} */
    browser: /** @type {any} */ (undefined),
  };
  before(async () => {
    setup.app = await startApp();
    setup.browser = await chromium.launch(chromiumLaunchOptions());
  });
  after(async () => {
    await setup.browser?.close();
    await setup.app?.close();
  });
  return setup;
}
