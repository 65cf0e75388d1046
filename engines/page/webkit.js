// @ts-check
// WebKitGTK's MiniBrowser over classic WebDriver (WebKitWebDriver, in Xvfb when
// there is no display), through webdriverio: the pair engines/webkit.js starts,
// as it does for the element suite.
//
// Classic WebDriver runs script in one frame at a time, so reading the hosted page
// means switching into its iframe. In WebKitWebDriver a switch also moves keyboard
// focus to the frame switched to: with focus inside the hosted page, a look there
// and a switch back to the top page make the next Tab start from the top page, and
// leave the iframe. So this engine first reads where focus is (from the frame it is
// in, which moves nothing), runs the script, then switches to wherever focus was.
import { remote } from 'webdriverio';
import { startWebkitDriver, stopAll, webkitCapabilities } from '../webkit.js';
import { Unsupported, assertKey } from './engine.js';

// WebDriver's key table (\uE006 is the main Enter, "Return").
const webdriverKeys = {
  Tab: '\uE004',
  Shift: '\uE008',
  Enter: '\uE006',
  Space: '\uE00D',
  Escape: '\uE00C',
};

/** In the top page: the hosted page's iframe, through the element's shadow root. */
function findHostedIframe(/** @type {string} */ origin) {
  /** @returns {HTMLIFrameElement | null} */
  const search = (/** @type {Document | ShadowRoot} */ root) => {
    for (const el of root.querySelectorAll('*')) {
      if (
        el instanceof HTMLIFrameElement &&
        URL.canParse(el.src) &&
        new URL(el.src).origin === origin
      )
        return el;
      const inner = el.shadowRoot && search(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  return search(document);
}

/** In the top page: whether keyboard focus is inside the hosted page's iframe. */
function focusIsInIframe(/** @type {string} */ origin) {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return (
    el instanceof HTMLIFrameElement && URL.canParse(el.src) && new URL(el.src).origin === origin
  );
}

/** @returns {Promise<import('./engine.js').Engine>} */
export async function launch(/** @type {import('./engine.js').LaunchOptions} */ { hostedOrigin }) {
  const origin = new URL(hostedOrigin).origin;
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  const stopChildren = () => stopAll(children);
  process.once('exit', stopChildren);
  /** @type {WebdriverIO.Browser} */
  let browser;
  try {
    const port = await startWebkitDriver(children);
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      path: '/',
      // Not 'error': webdriverio would log the "no such window" that focusInHosted expects.
      logLevel: 'silent',
      capabilities: /** @type {any} */ (webkitCapabilities),
    });
  } catch (e) {
    stopChildren();
    process.off('exit', stopChildren);
    throw e;
  }

  /** The frame WebDriver runs script in: the top page, or the hosted page. */
  let inHosted = false;

  /** @type {(source: string, args?: any[]) => Promise<any>} */
  const run = (source, args = []) => browser.executeScript(source, args);
  /** @type {(fn: Function, ...args: any[]) => Promise<any>} */
  const call = (fn, ...args) => run(`return (${fn}).apply(null, arguments)`, args);

  /** @param {boolean} hosted */
  const switchTo = async (hosted) => {
    if (hosted === inHosted) return;
    if (hosted) {
      const iframe = await call(findHostedIframe, origin);
      if (!iframe) throw new Error('the hosted page is not loaded');
      await browser.switchFrame(iframe);
    } else {
      await browser.switchFrame(null);
    }
    inHosted = hosted;
  };

  /** Where focus is, asked of the frame WebDriver is in now (so that asking moves nothing). */
  const focusInHosted = async () => {
    if (!inHosted) return Boolean(await call(focusIsInIframe, origin));
    try {
      return Boolean(await run('return document.hasFocus()'));
    } catch {
      // The iframe is gone (the flow ended): focus is in the top page.
      await browser.switchFrame(null);
      inHosted = false;
      return false;
    }
  };

  /**
   * @template T
   * @param {boolean} hosted
   * @param {() => Promise<T>} task
   */
  const inFrame = async (hosted, task) => {
    const focusWasInHosted = await focusInHosted();
    await switchTo(hosted);
    try {
      return await task();
    } finally {
      // If the iframe went away meanwhile, focus went with it: staying on top is right.
      await switchTo(focusWasInHosted).catch(() => {});
    }
  };

  /** @param {{ type: 'keyDown' | 'keyUp'; value: string }[]} actions */
  const keyActions = (actions) =>
    browser.performActions([{ type: 'key', id: 'keyboard', actions }]);

  return {
    name: 'webkit',
    goto: async (url) => {
      await switchTo(false);
      await browser.url(url);
    },
    press: async (key) => {
      assertKey(key);
      // A chord: pressed in order, released in reverse.
      const values = key
        .split('+')
        .map((k) => webdriverKeys[/** @type {keyof webdriverKeys} */ (k)]);
      await keyActions([
        ...values.map((value) => ({ type: /** @type {const} */ ('keyDown'), value })),
        ...values.reverse().map((value) => ({ type: /** @type {const} */ ('keyUp'), value })),
      ]);
    },
    type: (text) =>
      keyActions(
        [...text].flatMap((value) => [
          { type: /** @type {const} */ ('keyDown'), value },
          { type: /** @type {const} */ ('keyUp'), value },
        ]),
      ),
    evaluate: (fn, arg) => inFrame(false, () => call(fn, arg)),
    evaluateHosted: (fn, arg) => inFrame(true, () => call(fn, arg)),
    runScriptInHosted: (source) => inFrame(true, () => run(source)),
    emulateForcedColors: async () => {
      throw new Unsupported(
        'classic WebDriver has no media emulation, and WebKitWebDriver adds none',
      );
    },
    close: async () => {
      try {
        await browser.deleteSession();
      } finally {
        stopChildren();
        process.off('exit', stopChildren);
      }
    },
  };
}
