// @ts-check
// The browsers every test, the benchmark and the scripts run: which engines
// exist, the Debian programs each needs, and which of them a run uses. All three
// are Debian's (no test tool here may download a browser of its own); the
// environment variables below point elsewhere on another system.
//
// This file imports no package, so that .ci/run can ask it what to install
// (engines/missing.js) before `npm ci`. How each engine starts is beside it:
// chromium.js, firefox.js and webkit.js; web-test-runner.js for the element
// suite; page/ for the end-to-end tests.
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

// The background-networking flags keep Chromium quiet on a machine with no internet.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

// WebKitGTK: Debian's WebKitWebDriver drives MiniBrowser, which needs an X display
// (engines/webkit.js starts Xvfb when there is none).
export const miniBrowserPath =
  process.env.WEBKIT_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
const xvfbPath = '/usr/bin/Xvfb';

/**
 * Each engine's programs, and the Debian package that installs each.
 * @type {Record<string, () => { path: string; debian: string }[]>}
 */
const needs = {
  chromium: () => [{ path: chromiumPath, debian: 'chromium' }],
  firefox: () => [{ path: firefoxPath, debian: 'firefox-esr' }],
  webkit: () => [
    { path: miniBrowserPath, debian: 'libwebkit2gtk-4.1-0' },
    { path: webkitDriverPath, debian: 'webkit2gtk-driver' },
    ...(process.env.DISPLAY ? [] : [{ path: xvfbPath, debian: 'xvfb' }]),
  ],
};

export const engineNames = Object.keys(needs);

/** What `name` needs that is not installed. */
export function missing(/** @type {string} */ name) {
  return needs[name]().filter(({ path }) => !existsSync(path));
}

/** The Debian packages that would install every engine's missing programs. */
export function missingPackages() {
  return [...new Set(engineNames.flatMap((name) => missing(name).map(({ debian }) => debian)))];
}

/**
 * Which engines a run uses: WTR_BROWSERS=chromium,firefox,webkit (comma-separated)
 * names exactly those, and one of them missing fails the run when it starts (so CI,
 * which names all three, never leaves one out). Without it, Chromium and every other
 * installed engine run (a newcomer with only Chromium can still run `npm test`),
 * and each one left out is named, with why.
 * @param {string | undefined} [asked] WTR_BROWSERS
 * @returns {{ run: string[]; notRun: { name: string; why: string }[] }}
 */
export function pickEngines(asked = process.env.WTR_BROWSERS) {
  const run = asked
    ? asked.split(',').map((name) => name.trim())
    : engineNames.filter((name) => name === 'chromium' || missing(name).length === 0);
  for (const name of run) {
    if (!needs[name])
      throw new Error(`WTR_BROWSERS: unknown engine ${name}; use ${engineNames.join(', ')}`);
  }
  const notRun = engineNames
    .filter((name) => !run.includes(name))
    .map((name) => {
      const lacking = missing(name);
      const why = lacking.length
        ? `${lacking.map(({ path }) => path).join(', ')} missing ` +
          `(apt-get install ${[...new Set(lacking.map(({ debian }) => debian))].join(' ')})`
        : 'not named in WTR_BROWSERS';
      return { name, why };
    });
  return { run, notRun };
}

/** The line a run prints for an engine it leaves out. */
export function notRunLine(/** @type {{ name: string; why: string }} */ { name, why }) {
  return `NOT RUN on ${name}: ${why}`;
}

/**
 * Starts `name`'s browser with one page, driven as the end-to-end tests drive
 * every engine (page/engine.js).
 * @param {string} name
 * @param {import('./page/engine.js').LaunchOptions} options
 * @returns {Promise<import('./page/engine.js').Engine>}
 */
export async function launchEngine(name, options) {
  if (!needs[name]) throw new Error(`no engine ${name}; use ${engineNames.join(', ')}`);
  const { launch } = await import(`./page/${name}.js`);
  return launch(options);
}
