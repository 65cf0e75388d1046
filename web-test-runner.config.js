import { esbuildPlugin } from '@web/dev-server-esbuild';
import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { wtrBrowsers } from './engines/web-test-runner.js';
import { react18Group, reactVersionsPlugin } from './test/react/versions.js';

// The hosted page of a server that accepts and stalls: it never answers, so the
// iframe never fires `load`. With `then=load`, a second request for the same
// session id is sent on to the hosted-page fixture ("Try again" works).
// `/test/stall/seen?sess_id=` says whether the first request has arrived: on a
// busy machine the element's load timeout can pass before it does, and a
// "Try again" then would be the first request the server sees.
const stalled = new Set();
async function stallingServer(ctx, next) {
  if (ctx.path === '/test/stall/seen') {
    ctx.body = { seen: stalled.has(ctx.query.sess_id) };
    return;
  }
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

// For test/diagnostics.test.ts: a loopback port nothing listens on (connection
// refused), pages served with a Content-Security-Policy of the test's choosing
// (a same-origin frame the test drives), the requests the hosted-page
// origin (localhost) received, so a test can count those carrying its session id,
// and a bare hosted-page origin that answers with an error status, for one
// browser (`/__bare-origin-status?status=404`; no status: answered as before).
let closedPort = 0;
const hostedRequests = [];
const bareOriginStatus = new Map();
async function diagnosticsServer(ctx, next) {
  const agent = ctx.get('user-agent');
  if (ctx.hostname === 'localhost') {
    hostedRequests.push({ method: ctx.method, url: ctx.url, agent });
    hostedRequests.splice(0, hostedRequests.length - 500);
    if (ctx.url === '/' && bareOriginStatus.has(agent)) {
      ctx.status = bareOriginStatus.get(agent);
      ctx.type = 'html';
      ctx.body = '<!doctype html><title>Not here</title>';
      return;
    }
  }
  if (ctx.path === '/__bare-origin-status') {
    if (ctx.query.status) bareOriginStatus.set(agent, Number(ctx.query.status));
    else bareOriginStatus.delete(agent);
    ctx.body = 'ok';
  } else if (ctx.path === '/__closed-port') {
    closedPort ||= await new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
    ctx.body = String(closedPort);
  } else if (ctx.path === '/__hosted-requests') {
    ctx.body = hostedRequests.filter((r) => r.agent === ctx.get('user-agent'));
  } else if (ctx.path === '/__policy-page') {
    for (const header of ['content-security-policy', 'content-security-policy-report-only']) {
      if (ctx.query[header]) ctx.set(header, ctx.query[header]);
    }
    ctx.type = 'html';
    ctx.body = '<!doctype html><script type="module" src="/src/index.ts"></script>';
  } else {
    return next();
  }
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

// The engines (engines/index.js): WTR_BROWSERS=chromium,firefox,webkit picks which run;
// without it, every installed one, and each left out is named.
const browsers = wtrBrowsers();

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

// The React entry's tests (test/react/*.test.tsx) run on React 19 with the rest, and
// again on React 18.3 in a group of their own: all of them, or those named on the
// command line (`npx web-test-runner test/react/hook.test.tsx`).
const named = process.argv.slice(2).filter((arg) => /\.test\.tsx?$/.test(arg));
const reactFiles = named.length
  ? named.filter((file) => file.endsWith('.tsx'))
  : ['test/react/*.test.tsx'];

export default {
  files: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
  groups: reactFiles.length ? [react18Group(reactFiles)] : [],
  // Lit's development build (its warnings on, and test/lit-warnings.ts fails a test
  // that makes it warn) by default; MODE=prod runs the same tests on its production
  // build, as integrators ship it.
  nodeResolve: { exportConditions: [process.env.MODE === 'prod' ? 'production' : 'development'] },
  // Tests run on 127.0.0.1; the hosted-page fixture is served from localhost, another origin.
  hostname: '127.0.0.1',
  plugins: [
    esbuildPlugin({ ts: true, tsx: true, tsconfig: 'tsconfig.json' }),
    reactVersionsPlugin,
    fuzzSeedPlugin,
    a11yMediaPlugin,
    chordPlugin,
  ],
  middleware: [diagnosticsServer, stallingServer],
  browsers,
  concurrentBrowsers: browsers.length,
  // Generous: a test waits for events, never for time, and a busy two-core machine
  // can take many seconds to start a cross-origin frame; a hang still fails.
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 180000,
  // Three engines starting at once on two cores: Firefox can take a while to open its first page.
  browserStartTimeout: 120000,
  concurrency: 1,
};
