// @ts-check
// Debian's Firefox ESR over WebDriver BiDi, through puppeteer-core: the element
// suite (engines/web-test-runner.js) and the end-to-end tests (page/firefox.js)
// start it with these options.
import { firefoxPath } from './index.js';

export { firefoxPath };

/** Launch options for puppeteer-core's `launch()`. */
export function firefoxLaunchOptions() {
  return { browser: /** @type {const} */ ('firefox'), executablePath: firefoxPath };
}
