// @ts-check
// Debian's Firefox ESR over WebDriver BiDi, through puppeteer-core (as the element
// suite drives it in web-test-runner.config.js).
import puppeteer from 'puppeteer-core';
import { pageEngine } from './engine.js';

export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

// WebDriver's key table: \uE006 is the main Enter ("Return"); \uE007, which puppeteer
// sends for "Enter", is the keypad's.
const bidiKeys = { Enter: '\uE006', Space: ' ', Escape: 'Escape', Tab: 'Tab', Shift: 'Shift' };

/** @returns {Promise<import('./engine.js').Engine>} */
export async function launch(/** @type {import('./engine.js').LaunchOptions} */ { hostedOrigin }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
  });
  return pageEngine({
    name: 'firefox',
    browser,
    // Not the tab Firefox opens with: there, Enter and Space on a focused button send
    // their key events but no click (Firefox ESR 153 under puppeteer 24); a new tab
    // behaves as a user's does.
    openPage: () => browser.newPage(),
    hostedOrigin,
    // puppeteer presses one key at a time: a chord is held down in order, let go in reverse.
    press: async (page, key) => {
      const chord = key.split('+').map((k) => bidiKeys[/** @type {keyof bidiKeys} */ (k)]);
      for (const k of chord) await page.keyboard.down(k);
      for (const k of chord.reverse()) await page.keyboard.up(k);
    },
  });
}
