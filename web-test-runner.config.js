import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from './test/chromium.js';
import { webkitLauncher, webkitPrograms } from './test/webkit-launcher.js';

const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

// Three engines, all Debian's: no test tool here may download a browser of its own.
// WTR_BROWSERS=chromium,firefox,webkit (comma-separated) picks which run.

const engines = {
  chromium: () =>
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        args: chromiumArgs,
      },
    }),
  // Firefox ESR over WebDriver BiDi, through puppeteer-core.
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: firefoxPath,
      },
    }),
  // WebKitGTK's MiniBrowser over classic WebDriver (WebKitWebDriver), in Xvfb.
  webkit: () => webkitLauncher(),
};

// The hosted page of a server that accepts and stalls: it never answers, so the
// iframe never fires `load`. With `then=load`, a second request for the same
// session id is sent on to the hosted-page fixture ("Try again" works).
const stalled = new Set();
async function stallingServer(ctx, next) {
  if (ctx.path !== '/test/stall') return next();
  const session = ctx.query.sess_id;
  if (ctx.query.then === 'load' && stalled.has(session)) {
    ctx.redirect(`/test/fixtures/hosted.html?sess_id=${encodeURIComponent(session)}`);
    return;
  }
  stalled.add(session);
  // Held until the browser gives up on it (the iframe is removed or reloaded).
  await new Promise((resolve) => ctx.req.once('close', resolve));
  ctx.status = 204;
}

/**
 * `emulate-a11y-media` for the tests: forced colours and reduced motion where the
 * engine's automation protocol can emulate them (puppeteer's engines, if they can). Elsewhere it
 * answers false, and the test says so and checks the stylesheet's rules instead.
 */
const a11yMediaPlugin = {
  name: 'emulate-a11y-media',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-a11y-media') return undefined;
    if (session.browser.type !== 'puppeteer') return false;
    try {
      await session.browser
        .getPage(session.id)
        .emulateMediaFeatures(Object.entries(payload).map(([name, value]) => ({ name, value })));
      return true;
    } catch {
      return false;
    }
  },
};

// WebDriver's codes for the keys the tests hold down together.
const webdriverKeys = { Shift: '\uE008', Tab: '\uE004' };

/**
 * `press-chord` for the tests: keys held together (Shift+Tab), in every engine.
 * (sendKeys' `down`/`up` work in puppeteer's engines but not over WebDriver.)
 */
const chordPlugin = {
  name: 'press-chord',
  async executeCommand({ command, payload, session }) {
    if (command !== 'press-chord') return undefined;
    if (session.browser.type === 'puppeteer') {
      const { keyboard } = session.browser.getPage(session.id);
      for (const key of payload) await keyboard.down(key);
      for (const key of [...payload].reverse()) await keyboard.up(key);
    } else {
      const value = (key) => webdriverKeys[key] ?? key;
      await session.browser.driverManager.performActions(session.id, [
        {
          type: 'key',
          id: 'keyboard',
          actions: [
            ...payload.map((key) => ({ type: 'keyDown', value: value(key) })),
            ...[...payload].reverse().map((key) => ({ type: 'keyUp', value: value(key) })),
          ],
        },
      ]);
    }
    return true;
  },
};

// Without WTR_BROWSERS, every engine that is installed runs, and each missing one
// is named (so a newcomer with only Chromium can still run `npm test`). CI sets
// WTR_BROWSERS to all three, so an engine missing there fails the run.
const programs = {
  chromium: [chromiumPath],
  firefox: [firefoxPath],
  webkit: webkitPrograms,
};
const installed = (name) => programs[name].every((program) => existsSync(program));
const wanted = process.env.WTR_BROWSERS
  ? process.env.WTR_BROWSERS.split(',')
  : Object.keys(engines).filter((name) => name === 'chromium' || installed(name));
for (const name of wanted) {
  if (!engines[name])
    throw new Error(`WTR_BROWSERS: unknown engine ${name}; use ${Object.keys(engines)}`);
}
for (const name of Object.keys(engines).filter((n) => !wanted.includes(n))) {
  console.log(
    `NOT RUN on ${name}: ${programs[name].filter((p) => !existsSync(p)).join(', ') || 'not asked for'} ` +
      "(install Debian's firefox-esr / webkit2gtk-driver xvfb, or see WTR_BROWSERS in the README)",
  );
}

// test/fuzz.test.ts reads its seed from here: a new one each run, printed, or FUZZ_SEED to replay.
const fuzzSeed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31);
// FUZZ_SOAK=1 (`npm run test:soak`) makes it the long run.
const fuzzSoak = process.env.FUZZ_SOAK === '1' ? '1' : '0';
const fuzzScript = fuzzSoak === '1' ? 'test:soak' : 'test:element';
console.log(`fuzz seed ${fuzzSeed} (replay: FUZZ_SEED=${fuzzSeed} npm run ${fuzzScript})`);
const fuzzSeedPlugin = {
  name: 'fuzz-seed',
  serve: (context) => {
    if (context.path === '/__fuzz-seed') return { body: String(fuzzSeed), type: 'text' };
    if (context.path === '/__fuzz-soak') return { body: fuzzSoak, type: 'text' };
    return undefined;
  },
};

export default {
  files: ['test/**/*.test.ts'],
  // Lit's development build (its warnings on, and test/lit-warnings.ts fails a test
  // that makes it warn) by default; MODE=prod runs the same tests on its production
  // build, as integrators ship it.
  nodeResolve: { exportConditions: [process.env.MODE === 'prod' ? 'production' : 'development'] },
  // Tests run on 127.0.0.1; the hosted-page fixture is served from localhost, another origin.
  hostname: '127.0.0.1',
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }),
    fuzzSeedPlugin,
    a11yMediaPlugin,
    chordPlugin,
  ],
  middleware: [stallingServer],
  browsers: wanted.map((name) => engines[name]()),
  concurrentBrowsers: wanted.length,
  // Generous: a test waits for events, never for time, and a busy two-core machine
  // can take many seconds to start a cross-origin frame; a hang still fails.
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 180000,
  // Three engines starting at once on two cores: Firefox can take a while to open its first page.
  browserStartTimeout: 120000,
  concurrency: 1,
};
