// @ts-check
// A cross-origin-isolated page (COOP same-origin + COEP require-corp) embeds
// only pages that opt in: with `debug`, the element says so when the flow does
// not load there (docs/diagnostics.md). The same page without those headers is
// the control: the flow loads and nothing is said. On each engine
// engines/index.js picks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { launchEngine, pickEngines } from '../engines/index.js';
import { waitUntil } from '../engines/page/engine.js';

const T = { timeout: 120_000 };

// The page: the element with `debug`, its warnings kept for the test to read.
const PAGE_SCRIPT = `
  window.lines = [];
  window.events = [];
  const warn = console.warn;
  console.warn = (...args) => { window.lines.push(args.join(' ')); warn(...args); };
  const el = document.createElement('fiskil-link');
  el.debug = true;
  el.authServer = new URLSearchParams(location.search).get('auth');
  for (const type of ['link-open', 'link-load', 'link-error', 'link-close'])
    el.addEventListener(type, () => window.events.push(type));
  document.body.append(el);
  el.sessionId = 'ses_isolated';
`;

/**
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void | Promise<void>} handle
 */
async function listen(handle) {
  const server = createServer((req, res) => {
    Promise.resolve(handle(req, res)).catch((error) => res.writeHead(500).end(String(error)));
  });
  server.keepAliveTimeout = 500;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/** @type {Awaited<ReturnType<typeof listen>>} */
let page;
/** @type {Awaited<ReturnType<typeof listen>>} */
let auth;

before(async () => {
  // The auth server: a plain page that does not opt in to being embedded by an isolated page.
  auth = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>hosted</p>');
  });
  page = await listen(async (req, res) => {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://page.invalid');
    const isolated = searchParams.get('isolated') === '1';
    const headers = isolated
      ? {
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
        }
      : {};
    if (pathname === '/fiskil-link.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', ...headers });
      res.end(await readFile('dist/fiskil-link.js'));
    } else if (pathname === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', ...headers }).end(PAGE_SCRIPT);
    } else {
      res.writeHead(200, { 'content-type': 'text/html', ...headers });
      res.end(
        '<!doctype html><title>isolated?</title><script type="module" src="/fiskil-link.js"></script>' +
          '<script type="module" src="/page.js"></script>',
      );
    }
  });
});

after(async () => {
  await page?.close();
  await auth?.close();
});

/** @param {string} name */
function isolatedOn(name) {
  describe(`on ${name}`, () => {
    /** @type {import('../engines/page/engine.js').Engine} */
    let engine;
    before(
      async () => {
        engine = await launchEngine(name, { hostedOrigin: auth.url });
      },
      { timeout: 180_000 },
    );
    after(async () => {
      await engine?.close();
    });

    const read = () =>
      engine.evaluate(() => ({
        isolated: window.crossOriginIsolated,
        lines: /** @type {string[]} */ (/** @type {any} */ (window).lines),
        events: /** @type {string[]} */ (/** @type {any} */ (window).events),
      }));

    it(
      'the control: the same page not isolated loads the flow and says nothing of isolation',
      T,
      async () => {
        await engine.goto(`${page.url}/?auth=${encodeURIComponent(auth.url)}`);
        const state = await waitUntil(async () => {
          const s = await read();
          return s.events?.includes('link-load') ? s : undefined;
        }, 'link-load on the page that is not isolated');
        assert.equal(state.isolated, false);
        assert.deepEqual(
          state.lines.filter((l) => l.includes('isolated')),
          [],
        );
      },
    );

    it(
      'an isolated page: debug says the page is cross-origin isolated when the flow does not load',
      T,
      async (t) => {
        await engine.goto(`${page.url}/?isolated=1&auth=${encodeURIComponent(auth.url)}`);
        const first = await read();
        if (!first.isolated) {
          // Say so in the output rather than pass quietly.
          t.skip(
            `NOT SHOWN on ${name}: crossOriginIsolated is false on a page sent with COOP and COEP`,
          );
          return;
        }
        const state = await waitUntil(async () => {
          const s = await read();
          return s.lines?.some((l) => l.includes('cross-origin isolated')) ? s : undefined;
        }, 'the cross-origin isolated debug line');
        assert.ok(
          state.lines.includes(
            '[fiskil-link] the page is cross-origin isolated: the hosted page must opt in to load',
          ),
          state.lines.join('\n'),
        );
        assert.ok(!state.events.includes('link-load'), state.events.join());
      },
    );
  });
}

const { run, notRun } = pickEngines();
for (const { name, why } of notRun) {
  console.log(`NOT RUN on ${name}: ${why}`);
  it(`on ${name}`, { skip: `NOT RUN on ${name}: ${why}` }, () => {});
}
for (const name of run) isolatedOn(name);
