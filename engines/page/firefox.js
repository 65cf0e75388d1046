// @ts-check
// Debian's Firefox ESR over WebDriver BiDi, through puppeteer-core (as the element
// suite drives it, engines/web-test-runner.js).
import puppeteer from 'puppeteer-core';
import { firefoxLaunchOptions } from '../firefox.js';
import { Unsupported, pageEngine } from './engine.js';

// WebDriver's key table: \uE006 is the main Enter ("Return"); \uE007, which puppeteer
// sends for "Enter", is the keypad's.
const bidiKeys = { Enter: '\uE006', Space: ' ', Escape: 'Escape', Tab: 'Tab', Shift: 'Shift' };

/** @returns {Promise<import('./engine.js').Engine>} */
export async function launch(/** @type {import('./engine.js').LaunchOptions} */ { hostedOrigin }) {
  const browser = await puppeteer.launch({ ...firefoxLaunchOptions(), headless: true });
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
    // puppeteer's emulateMediaFeatures is CDP-only, so this asks WebDriver BiDi itself
    // (emulation.setForcedColorsModeThemeOverride, newer than Firefox ESR 153): the
    // test runs once Firefox knows the command, and says why not until then.
    emulateForcedColors: async (_page, active) => {
      const connection = /** @type {any} */ (browser).connection;
      if (!connection) throw new Unsupported('puppeteer exposes no WebDriver BiDi connection');
      try {
        await connection.send('emulation.setForcedColorsModeThemeOverride', {
          theme: active ? 'dark' : null,
        });
      } catch (e) {
        // The first line, without the stack frames Firefox appends to it.
        const why = String(e instanceof Error ? e.message : e)
          .split('\n')[0]
          .replace(/\s+\S+@\S+/g, '');
        throw new Unsupported(`Firefox's WebDriver BiDi cannot emulate forced colours: ${why}`);
      }
    },
  });
}
