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
import { build } from 'vite';
import { chromiumArgs } from '../web-test-runner.config.js';

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
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
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
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, server };
}

/**
 * The hosted flow, on its own origin. Until the sandbox is on main this is the
 * element tests' fixture page; `complete` plays the hosted page's success.
 */
async function startHosted() {
  const { origin, server } = await serveFiles([join(root, 'test/fixtures')]);
  let count = 0;
  return {
    authServer: `${origin}/hosted.html`,
    newSession: async () => `ses_e2e_${++count}`,
    /** Finishes the flow in `frame`; returns the consentID the page should get. */
    async complete(frame, appOrigin) {
      const consentID = `con_${count}`;
      await frame.evaluate(
        ([data, target]) => window.parent.postMessage(data, target),
        [{ isCompleted: true, consentID }, appOrigin],
      );
      return consentID;
    },
    close: () => server.close(),
  };
}

describe('framework apps', { timeout: 180_000 }, () => {
  let app;
  let hosted;
  let browser;

  before(async () => {
    await build({ configFile: join(root, 'demo/frameworks/vite.config.ts'), logLevel: 'error' });
    app = await serveFiles([buildDir, root]);
    hosted = await startHosted();
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: chromiumArgs,
      timeout: 30_000,
    });
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
    await frame.waitForLoadState('load');
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

        const consentID = await hosted.complete(await startFlow(page), app.origin);
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
