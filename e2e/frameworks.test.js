// Each framework app, built for production, driven end to end in Chromium: a
// flow started through the framework's own binding and completed on the hosted
// page reaches the framework's handler with its consentID; a second flow
// cancelled through the framework's ref ends with LINK_USER_CANCELLED.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../engines/chromium.js';
import { build } from 'vite';
import { createSandbox } from '../sandbox/server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = join(root, 'demo/frameworks/.build');
const apps = ['static-esm', 'static-umd', 'vue', 'angular', 'svelte', 'react'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Serves the first of `dirs` that has the requested file, on a free loopback port. */
async function serveFiles(dirs) {
  dirs = dirs.map((dir) => resolve(dir));
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    for (const dir of dirs) {
      const file = resolve(dir, `.${path}`);
      if (!file.startsWith(dir + sep)) break;
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) continue;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { origin: `http://127.0.0.1:${port}`, server };
}

/**
 * The local Fiskil sandbox (hosted flow + API) on its own origin. `newSession`
 * does what the app's backend would; `complete` is the user going through the
 * hosted flow with the sandbox's test credentials.
 */
async function startHosted(appOrigin) {
  const sandbox = createSandbox({ appOrigins: [appOrigin], log: () => {} });
  const url = await sandbox.listen(0);
  const { clientId, clientSecret } = sandbox.options;
  const call = async (path, body, token) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    assert.equal(res.ok, true, `POST ${path}: ${res.status}`);
    return res.json();
  };
  return {
    authServer: url,
    async newSession() {
      const { token } = await call('/v1/token', {
        client_id: clientId,
        client_secret: clientSecret,
      });
      const { end_user_id } = await call('/v1/end-users', {}, token);
      return (await call('/v1/auth/session', { end_user_id }, token)).session_id;
    },
    /** Goes through the hosted flow in `frame`; returns the consentID it reported. */
    async complete(frame) {
      const consentID = frame
        .page()
        .evaluate(
          () =>
            new Promise((done) =>
              window.addEventListener(
                'message',
                (e) => e.data?.consentID && done(e.data.consentID),
              ),
            ),
        );
      await frame.getByRole('button', { name: 'Sandbox Bank' }).click();
      await frame.getByLabel('Username').fill('user_good');
      await frame.getByLabel('Password').fill('pass_good');
      await frame.getByRole('button', { name: 'Log in' }).click();
      await frame.getByLabel('One-time code').fill('123456');
      await frame.getByRole('button', { name: 'Verify' }).click();
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByRole('button', { name: 'Share data' }).click();
      return consentID;
    },
    close: () => sandbox.close(),
  };
}

describe('framework apps', { timeout: 180_000 }, () => {
  let app;
  let hosted;
  let browser;

  before(async () => {
    await build({ configFile: join(root, 'demo/frameworks/vite.config.ts'), logLevel: 'error' });
    app = await serveFiles([buildDir, root]);
    hosted = await startHosted(app.origin);
    browser = await chromium.launch({ ...chromiumLaunchOptions(), timeout: 30_000 });
  });

  after(async () => {
    await browser?.close();
    app?.server.close();
    hosted?.close();
  });

  /** Starts a flow through the app's form and returns the hosted page's frame once loaded. */
  async function startFlow(page) {
    await page.locator('#session').fill(await hosted.newSession());
    await page.getByRole('button', { name: 'Connect' }).click();
    const frame = await (await page.locator('fiskil-link iframe').elementHandle()).contentFrame();
    await frame.getByRole('heading').first().waitFor();
    return frame;
  }

  for (const name of apps) {
    test(name, async () => {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      try {
        const url = `${app.origin}/demo/frameworks/${name}/?auth_server=${encodeURIComponent(hosted.authServer)}`;
        await page.goto(url);
        const result = page.locator('#result');

        const consentID = await hosted.complete(await startFlow(page));
        assert.match(consentID, /^arr_/);
        await result.getByText(`consent ${consentID}`, { exact: true }).waitFor();

        await startFlow(page);
        // The modal makes the page inert, as it should: the app's own code
        // (a route change, a timer) is what calls cancel() through its ref.
        await page.locator('#cancel').dispatchEvent('click');
        await result.getByText('link-error LINK_USER_CANCELLED', { exact: true }).waitFor();
        assert.equal(await page.locator('fiskil-link iframe').count(), 0);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
});
