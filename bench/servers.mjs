// The benchmark's two loopback origins: the page under test (cross-origin
// isolated, serving the builds and the in-page halves) and a fixture hosted
// page on a second origin, which answers after a delay when asked to.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

// Cross-origin isolation gives the page 5 µs timers instead of 100 µs; the
// fixture opts in to being embedded by such a page.
const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cache-Control': 'no-store',
};
const EMBEDDABLE = {
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Timing-Allow-Origin': '*',
  'Cache-Control': 'no-store',
};

function listen(handler) {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
const origin = (server) => `http://127.0.0.1:${server.address().port}`;

/**
 * Starts both servers. `baseline`: the path of an earlier build, served as
 * /baseline/fiskil-link.js. `hostedDelayMs`: the slow hosted page's delay.
 * @param {{ baseline?: string; hostedDelayMs: number }} options
 */
export async function startServers({ baseline, hostedDelayMs }) {
  const files = {
    '/dist/fiskil-link.js': 'dist/fiskil-link.js',
    '/bench/page.js': 'bench/page.js',
    '/bench/main-thread.js': 'bench/main-thread.js',
    '/bench/bare.js': 'bench/bare.js',
    ...(baseline ? { '/baseline/fiskil-link.js': baseline } : {}),
  };
  const pending = new Set();
  const hostedServer = await listen((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/hosted') return void res.writeHead(404, EMBEDDABLE).end();
    const send = () => {
      pending.delete(timer);
      res
        .writeHead(200, { ...EMBEDDABLE, 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><meta charset="utf-8"><title>Fixture hosted flow</title>' +
            '<style>html{background:transparent}main{margin:20vh auto;width:20rem;padding:2rem;' +
            'background:#fff;border-radius:12px;font:16px system-ui}</style>' +
            '<main>Fixture hosted flow</main>',
        );
    };
    // The serving delay of a real hosted page, the thing preload hides.
    const delay = Math.min(Number(url.searchParams.get('delay')) || 0, 5_000);
    const timer = setTimeout(send, delay);
    pending.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      pending.delete(timer);
    });
  });
  const hosted = `${origin(hostedServer)}/hosted`;
  const config = JSON.stringify({ hosted, hostedSlow: `${hosted}?delay=${hostedDelayMs}` });

  const hostServer = await listen((req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    const html = (body) =>
      res
        .writeHead(200, { ...ISOLATED, 'Content-Type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><meta charset="utf-8"><title>fiskil-link bench</title>${body}`);
    if (pathname === '/bench.html' || pathname === '/baseline/bench.html') {
      const bundle =
        pathname === '/bench.html' ? '/dist/fiskil-link.js' : '/baseline/fiskil-link.js';
      return void html(
        `<script type="application/json" id="config">${config}</script>` +
          `<script type="module">import "${bundle}"; import "/bench/page.js";</script>`,
      );
    }
    if (pathname === '/blank.html') return void html('');
    if (pathname === '/main-thread.html') {
      return void html('<script type="module" src="/bench/main-thread.js"></script>');
    }
    const file = files[pathname];
    if (!file) return void res.writeHead(404, ISOLATED).end();
    res
      .writeHead(200, { ...ISOLATED, 'Content-Type': 'text/javascript; charset=utf-8' })
      .end(readFileSync(file));
  });

  return {
    host: origin(hostServer),
    hosted,
    close() {
      for (const timer of pending) clearTimeout(timer);
      for (const server of [hostServer, hostedServer]) {
        server.closeAllConnections();
        server.close();
      }
    },
  };
}
