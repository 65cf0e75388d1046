// @ts-check
// Debian's Chromium with the flags every test and the benchmark start it with
// (engines/index.js), as playwright-core's `chromium.launch()` takes them.
import { chromiumArgs, chromiumPath } from './index.js';

export { chromiumArgs, chromiumPath };

/** Launch options for playwright-core's `chromium.launch()`. */
export function chromiumLaunchOptions(/** @type {string[]} */ extraArgs = []) {
  return { executablePath: chromiumPath, args: [...chromiumArgs, ...extraArgs] };
}
