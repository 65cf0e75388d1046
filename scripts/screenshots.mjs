// @ts-check
// `npm run screenshots`: pictures of what <fiskil-link> draws, for docs/states.md.
// Builds what the mobile bridge page needs, as `npm start` does, starts the demo
// and the sandbox on free loopback ports (demo/start.js), then in Debian's
// Chromium (engines/) reaches each state of scripts/screenshot-states.mjs in a
// fresh window and writes docs/states/<file>.png in at most 256 colours (a
// third of the bytes of Chromium's own PNG; a lower quality blotched the
// gradients behind the notices).
// Arguments pick rows by part of their file name (`npm run screenshots --
// stalled`); a run of every row also deletes pictures no row makes. Everything
// it starts, it stops.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { buildIfStale } from '../demo/build-if-stale.js';
import { startAll } from '../demo/start.js';
import { chromiumLaunchOptions } from '../engines/chromium.js';
import { STATES } from './screenshot-states.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const PICTURES = path.join(ROOT, 'docs', 'states');
// The clock the pages read (the demo's event log prints times): fixed, so a
// picture whose state has not changed comes out the same on the next run.
const CLOCK = new Date('2026-03-02T09:41:00');
// What the pictures may weigh together: every clone and every checkout carries them.
const BUDGET = 2048 * 1024;

/**
 * The steps a row's `reach` takes on the demo page (typed as Steps in
 * scripts/screenshot-states.mjs).
 * @param {import('playwright-core').Page} page
 * @param {{ demoUrl: string; sandboxUrl: string }} app
 * @returns {import('./screenshot-states.mjs').Steps}
 */
function stepsOn(page, { demoUrl, sandboxUrl }) {
  const sandbox = new URL(sandboxUrl).origin;
  const flow = page.frameLocator('fiskil-link iframe');
  const setOnElement = (/** @type {Record<string, unknown>} */ props) =>
    page.evaluate((p) => Object.assign(document.querySelector('fiskil-link') ?? {}, p), props);
  /** Resolves when the demo page has recorded an event of `type`. */
  const event = (/** @type {string} */ type) =>
    page.waitForFunction(
      (t) =>
        /** @type {any} */ (window).fiskilDemo.events.some(
          (/** @type {{ type: string }} */ e) => e.type === t,
        ),
      type,
    );
  const steps = {
    page,
    flow,
    async connect(props = {}) {
      await setOnElement(props);
      await page.getByRole('button', { name: 'Connect your bank' }).click();
    },
    async openFlow(props = {}) {
      await steps.connect(props);
      await event('link-load');
      await flow.getByRole('heading').first().waitFor();
    },
    // The hosted page's request (the one with the session id) is never answered,
    // while the reachability check (the bare origin) is: the flow stays loading.
    async holdHostedPage() {
      await page.route(
        (url) => url.origin === sandbox && url.searchParams.has('sess_id'),
        () => {},
      );
    },
    // Every request to the auth server fails as a refused connection does. The
    // page is loaded again under the route: in Chromium a route added after a
    // page has loaded does not see that page's prefetches (docs/testing.md),
    // and the reachability check is one.
    async refuseAuthServer() {
      await page.route(
        (url) => url.origin === sandbox,
        (route) => route.abort('connectionrefused'),
      );
      await page.reload();
      await page.waitForFunction(() => 'fiskilDemo' in window);
    },
    // The mobile bridge page (docs/mobile.md) in place of the demo page, with a
    // session from the demo's backend and a channel standing for the app's.
    async openBridgePage() {
      const { session_id, auth_server } = await (
        await fetch(`${demoUrl}/api/connect`, { method: 'POST' })
      ).json();
      await page.addInitScript(() => {
        Object.assign(window, { fiskilLink: { postMessage() {} } });
      });
      const input = new URLSearchParams({ 'session-id': session_id, 'auth-server': auth_server });
      await page.goto(`${demoUrl}/dist/webview.html#${input}`, { waitUntil: 'domcontentloaded' });
    },
    async openSession(sessionId) {
      await setOnElement({ authServer: sandbox, allowedOrigin: sandbox });
      await page.evaluate((id) => /** @type {any} */ (window).fiskilDemo.open(id), sessionId);
    },
    async pressClose() {
      await page.locator('fiskil-link button.close').click();
    },
    async shows(text) {
      await page.getByText(text).first().waitFor();
    },
    async outcome(text) {
      await event('link-close');
      await page.locator('#status').filter({ hasText: text }).waitFor();
    },
  };
  return steps;
}

/**
 * Takes one row's picture in a window of its own.
 * @param {import('playwright-core').Browser} browser
 * @param {Awaited<ReturnType<typeof startAll>>} app
 * @param {(typeof STATES)[number]} row
 */
async function takePicture(browser, app, row) {
  const { width, height, mobile = false, colorScheme = 'light', dir } = row.view;
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    isMobile: mobile,
    hasTouch: mobile,
    colorScheme,
  });
  try {
    await context.clock.setFixedTime(CLOCK);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await fetch(`${app.demoUrl}/api/reset`, { method: 'POST' });
    await page.goto(app.demoUrl);
    await page.waitForFunction(() => 'fiskilDemo' in window);
    // On the element, not the page: the demo's English stays readable around it.
    if (dir)
      await page.evaluate((d) => {
        const link = /** @type {HTMLElement} */ (document.querySelector('fiskil-link'));
        link.dir = d;
        link.lang = 'ar';
      }, dir);
    await row.reach(stepsOn(page, app));
    const file = path.join(PICTURES, `${row.file}.png`);
    const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
    await sharp(shot).png({ palette: true, quality: 100, effort: 10 }).toFile(file);
    return (await stat(file)).size;
  } finally {
    await context.close();
  }
}

async function main() {
  const asked = process.argv.slice(2);
  const rows = asked.length
    ? STATES.filter((row) => asked.some((part) => row.file.includes(part)))
    : STATES;
  if (!rows.length) throw new Error(`No row's file name contains ${asked.join(' or ')}`);
  await buildIfStale({ log: (line) => console.log(`  dist/ ${line}`) });
  const app = await startAll({ sandboxPort: 0, demoPort: 0, quiet: true });
  const browser = await chromium.launch(chromiumLaunchOptions()).catch(async (e) => {
    await app.close();
    throw e;
  });
  const stop = () => Promise.all([browser.close(), app.close()]);
  process.once('SIGINT', () => stop().then(() => process.exit(130)));
  let total = 0;
  let failed = 0;
  try {
    for (const row of rows) {
      try {
        const size = await takePicture(browser, app, row);
        total += size;
        console.log(`  docs/states/${row.file}.png  ${(size / 1024).toFixed(0)} KB`);
      } catch (e) {
        failed++;
        console.error(`  FAILED ${row.file}: ${e instanceof Error ? e.message : e}`);
      }
    }
  } finally {
    await stop();
  }
  if (!asked.length) {
    const made = new Set(STATES.map((row) => `${row.file}.png`));
    for (const name of await readdir(PICTURES))
      if (name.endsWith('.png') && !made.has(name)) {
        await rm(path.join(PICTURES, name));
        console.log(`  deleted docs/states/${name} (no row makes it)`);
      }
  }
  console.log(
    `${rows.length - failed} pictures, ${(total / 1024).toFixed(0)} KB${failed ? `; ${failed} failed` : ''}`,
  );
  const kept = await sizeOf(PICTURES);
  const overBudget = kept > BUDGET;
  if (overBudget)
    console.error(
      `docs/states/ holds ${(kept / 1024).toFixed(0)} KB of pictures, over the ${BUDGET / 1024} KB budget: fewer or smaller pictures`,
    );
  process.exitCode = failed || overBudget ? 1 : 0;
}

/** The bytes of every picture in `folder`. @param {string} folder */
async function sizeOf(folder) {
  let bytes = 0;
  for (const name of await readdir(folder))
    if (name.endsWith('.png')) bytes += (await stat(path.join(folder, name))).size;
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
