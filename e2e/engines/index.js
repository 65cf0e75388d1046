// @ts-check
// Which engines the end-to-end tests run on, chosen as web-test-runner.config.js
// chooses them for the element suite: WTR_BROWSERS=chromium,firefox,webkit names
// exactly those (and one that is missing fails); without it every installed
// engine runs, and each one left out is named.
import { existsSync } from 'node:fs';
import { chromiumPath } from '../../test/chromium.js';
import { webkitPrograms } from '../../test/webkit-launcher.js';
import { firefoxPath } from './firefox.js';

/** @type {Record<string, string[]>} The programs each engine needs. */
const programs = {
  chromium: [chromiumPath],
  firefox: [firefoxPath],
  webkit: webkitPrograms,
};

/** @type {Record<string, string>} Debian's packages for them. */
const packages = {
  chromium: 'chromium',
  firefox: 'firefox-esr',
  webkit: 'webkit2gtk-driver xvfb',
};

export const engineNames = Object.keys(programs);

/**
 * @param {string | undefined} [asked] WTR_BROWSERS
 * @returns {{ run: string[]; notRun: { name: string; why: string }[] }}
 */
export function pickEngines(asked = process.env.WTR_BROWSERS) {
  const missing = (/** @type {string} */ name) => programs[name].filter((p) => !existsSync(p));
  const run = asked
    ? asked.split(',').map((name) => name.trim())
    : engineNames.filter((name) => name === 'chromium' || missing(name).length === 0);
  for (const name of run) {
    if (!programs[name])
      throw new Error(`WTR_BROWSERS: unknown engine ${name}; use ${engineNames.join(', ')}`);
  }
  const notRun = engineNames
    .filter((name) => !run.includes(name))
    .map((name) => ({
      name,
      why: missing(name).length
        ? `${missing(name).join(', ')} missing (apt-get install ${packages[name]})`
        : 'not named in WTR_BROWSERS',
    }));
  return { run, notRun };
}

/**
 * Starts `name`'s browser with one page.
 * @param {string} name
 * @param {import('./engine.js').LaunchOptions} options
 * @returns {Promise<import('./engine.js').Engine>}
 */
export async function launchEngine(name, options) {
  if (!programs[name]) throw new Error(`no engine ${name}; use ${engineNames.join(', ')}`);
  const { launch } = await import(`./${name}.js`);
  return launch(options);
}
