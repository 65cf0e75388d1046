// @ts-check
// The first hour: a copy of the repository with no dist/ (as a fresh clone has
// none), `npm start` as a newcomer runs it, and every page the demo's home page
// links, working in Chromium: each one's flow reaches the sandbox's hosted page
// and its outcome comes back. Then, with the built files taken away, the pages
// that need them say so on screen instead of throwing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../engines/chromium.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const WAIT = { timeout: 120_000 };

/** @type {string} */
let copy;
/** @type {import('node:child_process').ChildProcess} */
let server;
let banner = '';
let errorOutput = '';
let demoUrl = '';
let sandboxUrl = '';
/** @type {import('playwright-core').Browser} */
let browser;

/** The files a clone has (tracked, plus new ones not ignored), never dist/; node_modules hard-linked. */
function makeCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'fiskil-link-fresh-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: repo,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((f) => f && existsSync(join(repo, f)));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(repo, file), join(dir, file));
  }
  try {
    execFileSync('cp', ['-al', join(repo, 'node_modules'), join(dir, 'node_modules')]);
  } catch {
    cpSync(join(repo, 'node_modules'), join(dir, 'node_modules'), { recursive: true });
  }
  assert.equal(existsSync(join(dir, 'dist')), false);
  return dir;
}

before(async () => {
  copy = makeCopy();
  server = spawn('npm', ['start'], {
    cwd: copy,
    env: { ...process.env, DEMO_PORT: '0', SANDBOX_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout?.setEncoding('utf8');
  // Vite's complaints about the files the last test takes away are expected: kept, not printed.
  server.stderr?.setEncoding('utf8').on('data', (chunk) => (errorOutput += chunk));
  while (!banner.includes('Ctrl-C to stop')) {
    const [chunk] = await Promise.race([
      once(/** @type {import('node:stream').Readable} */ (server.stdout), 'data'),
      once(server, 'exit').then(([code]) => {
        throw new Error(`npm start exited (${code}) before it was ready:\n${banner}${errorOutput}`);
      }),
    ]);
    banner += chunk;
  }
  demoUrl = /Demo app\s+(http:\/\/\S+)/.exec(banner)?.[1] ?? '';
  sandboxUrl = /Fiskil sandbox\s+(http:\/\/\S+)/.exec(banner)?.[1] ?? '';
  browser = await chromium.launch(chromiumLaunchOptions());
});

after(async () => {
  await browser?.close();
  // npm start runs node demo/start.js under npm: stop the whole group it leads.
  if (server?.pid && server.exitCode === null) {
    const exited = once(server, 'exit');
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** A fresh page that records uncaught errors. */
async function open(/** @type {string} */ url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  /** @type {Error[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}

test('npm start built what the pages need, and its banner says so', () => {
  assert.ok(demoUrl && sandboxUrl, `no URLs in the banner:\n${banner}`);
  for (const file of ['fiskil-link.js', 'fiskil-link.umd.js', 'webview.html']) {
    assert.ok(existsSync(join(copy, 'dist', file)), `dist/${file} was not built`);
    assert.match(banner, new RegExp(`built [^\\n]*dist/${file.replace(/\./g, '\\.')}`));
  }
});

/** The hosted page in a frame, its first screen shown, then its own Cancel pressed. */
async function cancelInHostedPage(/** @type {import('playwright-core').FrameLocator} */ flow) {
  await flow.getByRole('button', { name: 'Sandbox Bank' }).waitFor(WAIT);
  await flow.getByRole('button', { name: 'Cancel' }).click();
}

/** The home page and the pages it links, as a person sees them (same origin only). */
async function homeLinks() {
  const { page, errors, close } = await open(demoUrl);
  try {
    // The page points the framework links at the sandbox once it knows where it is.
    await page.locator('a[href*="auth_server="]').first().waitFor(WAIT);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => /** @type {any} */ (a).href));
    assert.deepEqual(errors, []);
    return [...new Set([`${demoUrl}/`, ...hrefs.filter((h) => h.startsWith(demoUrl))])];
  } finally {
    await close();
  }
}

test('every page the home page links works, from a copy with no dist/', async () => {
  const links = await homeLinks();
  const checked = [];
  for (const href of links) {
    const path = new URL(href).pathname;
    const { page, errors, close } = await open(href);
    try {
      if (path === '/') {
        await page.getByRole('button', { name: 'Connect your bank' }).click();
        await cancelInHostedPage(page.frameLocator('fiskil-link iframe'));
        await page
          .getByText(/AUTH_SESSION_CANCELLED|left before connecting/)
          .first()
          .waitFor(WAIT);
      } else if (path === '/mobile.html') {
        await page.getByRole('button', { name: 'Get a sandbox session id and start' }).click();
        await page.getByText(/^Started with /).waitFor(WAIT);
        // The phone-sized frame scrolls; its cancel() is the app's back button.
        const flow = page.frameLocator('#app').frameLocator('fiskil-link iframe');
        await flow.getByRole('button', { name: 'Sandbox Bank' }).waitFor(WAIT);
        await page.getByRole('button', { name: /cancel\(\)/ }).click();
        await page.locator('#received li', { hasText: 'LINK_USER_CANCELLED' }).waitFor(WAIT);
      } else if (path === '/playground.html') {
        await page.getByRole('button', { name: 'Get a sandbox session id' }).click();
        await page.getByText(/^Filled in /).waitFor(WAIT);
        await page.getByRole('button', { name: 'Apply attributes' }).click();
        await cancelInHostedPage(page.frameLocator('fiskil-link iframe'));
        await page.locator('#log', { hasText: 'AUTH_SESSION_CANCELLED' }).waitFor(WAIT);
      } else if (path.startsWith('/frameworks/')) {
        await page.getByRole('button', { name: 'Get a sandbox session id' }).click();
        await page.getByText(/^Filled in /).waitFor(WAIT);
        await page.getByRole('button', { name: 'Connect', exact: true }).click();
        await cancelInHostedPage(page.frameLocator('fiskil-link iframe'));
        await page.getByText('link-error AUTH_SESSION_CANCELLED').waitFor(WAIT);
      } else {
        assert.fail(`the home page links ${path}, which this test does not know how to check`);
      }
      assert.deepEqual(errors, [], `errors on ${path}`);
      checked.push(path);
    } finally {
      await close();
    }
  }
  assert.deepEqual(checked.map((p) => p.replace(/^\/frameworks\/([^/]+)\/$/, '$1')).sort(), [
    '/',
    '/mobile.html',
    '/playground.html',
    'angular',
    'react',
    'static-esm',
    'static-umd',
    'svelte',
    'vue',
  ]);
});

test('with the built files gone, the pages that need them say so on screen', async () => {
  for (const file of ['fiskil-link.js', 'fiskil-link.umd.js', 'webview.html']) {
    rmSync(join(copy, 'dist', file));
  }
  const pages = [
    ['/frameworks/static-esm/', 'dist/fiskil-link.js did not load'],
    ['/frameworks/static-umd/', 'dist/fiskil-link.umd.js did not load'],
  ];
  for (const [path, says] of pages) {
    const { page, errors, close } = await open(`${demoUrl}${path}`);
    try {
      await page.getByText(says).waitFor(WAIT);
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await page.getByRole('button', { name: 'Cancel' }).click();
      assert.deepEqual(errors, [], `errors on ${path}`);
    } finally {
      await close();
    }
  }
  const { page, errors, close } = await open(`${demoUrl}/mobile.html`);
  try {
    await page.getByRole('button', { name: 'Get a sandbox session id and start' }).click();
    await page.getByText('/dist/webview.html did not load').waitFor(WAIT);
    await page.getByRole('button', { name: /cancel\(\)/ }).click();
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
