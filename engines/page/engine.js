// @ts-check
// What an end-to-end test needs of a browser, the same on every engine: one page,
// keys sent as a user sends them, and script run in the top page or inside the
// element's cross-origin iframe (the hosted page). chromium.js, firefox.js and
// webkit.js each implement it with the driver the element suite uses there.
import { setTimeout as delay } from 'node:timers/promises';

/** The keys the journeys press; each engine maps them to its driver's names. */
export const keys = /** @type {const} */ (['Tab', 'Shift+Tab', 'Enter', 'Space', 'Escape']);

/** @typedef {(typeof keys)[number]} Key */

/**
 * Runs `fn` in one of the pages and resolves with its (JSON-serialisable) result.
 * `fn` is sent as source, so it may use nothing from Node's scope but `arg`.
 * @typedef {<A, R>(fn: (arg: A) => R, arg?: A) => Promise<Awaited<R>>} Evaluate
 */

/**
 * @typedef {object} Engine
 * @property {string} name
 * @property {(url: string) => Promise<void>} goto Loads `url` in the top page, resolves after `load`.
 * @property {(key: Key) => Promise<void>} press One key, or a chord such as Shift+Tab.
 * @property {(text: string) => Promise<void>} type Types `text` into whatever has focus.
 * @property {Evaluate} evaluate In the top page.
 * @property {Evaluate} evaluateHosted In the hosted page; fails if it is not loaded.
 * @property {(source: string) => Promise<void>} runScriptInHosted Runs a classic script's source there.
 * @property {(active: boolean) => Promise<void>} emulateForcedColors Turns `forced-colors: active`
 *   on or off for the page and its frames; rejects with `Unsupported` where the engine cannot.
 * @property {() => Promise<void>} close Stops the browser and every process started for it.
 */

/**
 * @typedef {object} LaunchOptions
 * @property {string} hostedOrigin The hosted page's origin: the iframe from it is "the hosted page".
 */

/** What an engine cannot do, and why: the tests report it instead of passing quietly. */
export class Unsupported extends Error {
  /** @override */
  name = 'Unsupported';
}

/** The key names every engine accepts, for a clear error on any other. */
export function assertKey(/** @type {string} */ key) {
  if (!(/** @type {readonly string[]} */ (keys).includes(key)))
    throw new Error(`press(${JSON.stringify(key)}): the engines know only ${keys.join(', ')}`);
}

/**
 * Resolves with the first truthy value `probe` gives. The engines have no event for
 * "this holds in a cross-origin frame" (and a frame that is navigating throws), so
 * this asks again every 100 ms; on timeout it fails naming `what` and the last error.
 * A minute: on a busy two-core machine WebKit once took over 20 s to show the hosted page.
 * @template T
 * @param {() => Promise<T>} probe
 * @param {string} what
 * @param {number} [timeout]
 * @returns {Promise<NonNullable<T>>}
 */
export async function waitUntil(probe, what, timeout = 60_000) {
  const end = Date.now() + timeout;
  /** @type {unknown} */
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return /** @type {NonNullable<T>} */ (value);
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > end) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${why}`);
    }
    await delay(100);
  }
}

/** True if `url` is on `origin` (exactly: a longer port with the same prefix is another origin). */
export function isOn(/** @type {string} */ url, /** @type {string} */ origin) {
  return URL.canParse(url) && new URL(url).origin === new URL(origin).origin;
}

/**
 * An engine over a Playwright or a puppeteer page, which find frames and evaluate
 * the same way. Opens the page with `openPage`, closing `browser` if that fails.
 * @param {object} parts
 * @param {string} parts.name
 * @param {{ close(): Promise<void> }} parts.browser
 * @param {() => Promise<any>} parts.openPage
 * @param {string} parts.hostedOrigin
 * @param {(page: any, key: Key) => Promise<void>} parts.press
 * @param {(page: any, active: boolean) => Promise<void>} parts.emulateForcedColors
 * @returns {Promise<Engine>}
 */
export async function pageEngine({
  name,
  browser,
  openPage,
  hostedOrigin,
  press,
  emulateForcedColors,
}) {
  const page = await openPage().catch(async (e) => {
    await browser.close();
    throw e;
  });
  page.setDefaultTimeout(60_000);
  const hosted = () => {
    const frame = page.frames().find((/** @type {any} */ f) => isOn(f.url(), hostedOrigin));
    if (!frame) throw new Error('the hosted page is not loaded');
    return frame;
  };
  return {
    name,
    goto: async (url) => {
      await page.goto(url);
    },
    press: async (key) => {
      assertKey(key);
      await press(page, key);
    },
    type: (text) => page.keyboard.type(text),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    evaluateHosted: (fn, arg) => hosted().evaluate(fn, arg),
    runScriptInHosted: async (source) => {
      await hosted().evaluate(source);
    },
    emulateForcedColors: (active) => emulateForcedColors(page, active),
    close: () => browser.close(),
  };
}
