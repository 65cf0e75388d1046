// @ts-check
// Debian's Chromium through playwright-core (as every other e2e test drives it).
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../chromium.js';
import { pageEngine } from './engine.js';

/** @returns {Promise<import('./engine.js').Engine>} */
export async function launch(/** @type {import('./engine.js').LaunchOptions} */ { hostedOrigin }) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  return pageEngine({
    name: 'chromium',
    browser,
    openPage: () => browser.newContext().then((context) => context.newPage()),
    hostedOrigin,
    // Playwright's key names are the ones the journeys use, chords included.
    press: (page, key) => page.keyboard.press(key),
    // CDP's media emulation, which reaches the hosted page's out-of-process frame too.
    emulateForcedColors: (page, active) =>
      page.emulateMedia({ forcedColors: active ? 'active' : null }),
  });
}
