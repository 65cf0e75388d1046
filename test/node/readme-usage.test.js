// The README's Usage snippet and CDN snippet, run as written in Debian's
// Chromium against the built files in dist/ (run after `npm run build`).
// Fiskil's and the CDN's hosts are answered by Playwright's router, so the
// snippets keep their real URLs, the browser enforces the real origins and
// the `integrity` hashes, and nothing leaves the machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../engines/chromium.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const bundle = readFileSync(new URL('../../dist/fiskil-link.js', import.meta.url));
const umd = readFileSync(new URL('../../dist/fiskil-link.umd.js', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url)));

/** The first ```html block after a marker, unindented. */
function htmlBlockAfter(marker) {
  const from = readme.indexOf(marker);
  assert.notEqual(from, -1, `README.md has no ${marker}`);
  const [, indent, body] = readme.slice(from).match(/\n( *)```html\n([\s\S]*?)\n *```/);
  return body
    .split('\n')
    .map((line) => line.slice(indent.length))
    .join('\n');
}

const AUTH = 'https://auth.fiskil.com';
const CDN = `https://cdn.jsdelivr.net/npm/fiskil-link@${version}/dist/`;

let server;
let appOrigin;
let browser;
const consentsSaved = [];

/** Stands in for Fiskil's hosted page: reports a consent for the session it was given. */
const hostedPage = (sessionId, parentOrigin) => `<!doctype html><title>hosted</title><script>
  parent.postMessage({ isCompleted: true, consentID: 'cons_for_' + ${JSON.stringify(sessionId)} },
    ${JSON.stringify(parentOrigin)});
</script>`;

const page = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>README snippet</title></head>
<body>
${body}
</body></html>`;

before(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'GET' && url.pathname === '/usage') {
      return void res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(page(htmlBlockAfter('<!-- usage-snippet')));
    }
    if (req.method === 'GET' && url.pathname === '/cdn') {
      // One of the snippet's script tags per page, so that each is checked on its own.
      const tags = htmlBlockAfter('<!-- cdn-snippet').match(/<script[\s\S]*?<\/script>/g);
      const tag = tags[Number(url.searchParams.get('tag'))];
      return void res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(page(`${tag}\n<fiskil-link></fiskil-link>`));
    }
    if (url.pathname === '/node_modules/fiskil-link/dist/fiskil-link.js') {
      return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
    }
    // The integrator's backend, as the snippet calls it.
    if (req.method === 'POST' && url.pathname === '/api/fiskil-session') {
      return void res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ session_id: 'ses_readme', auth_url: `${AUTH}/?sess_id=ses_readme` }));
    }
    if (req.method === 'POST' && url.pathname === '/api/consents') {
      let body = '';
      for await (const chunk of req) body += chunk;
      consentsSaved.push(JSON.parse(body));
      return void res.writeHead(204).end();
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  appOrigin = `http://127.0.0.1:${server.address().port}`;
  // No name resolves, so not even the element's preconnect reaches for a real host.
  browser = await chromium.launch(
    chromiumLaunchOptions(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']),
  );
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/**
 * A page whose requests go to the loopback server, or to `answer` for the
 * hosts it knows; anything else is refused, so nothing leaves the machine.
 */
async function newPage(answer) {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(appOrigin)) return route.continue();
    const response = answer(new URL(url), route.request().method());
    return response ? route.fulfill(response) : route.abort();
  });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error));
  return { tab, errors, close: () => context.close() };
}

test('the Usage snippet, as written, connects a bank and saves the consent', async () => {
  const requested = [];
  const { tab, errors, close } = await newPage((url, method) => {
    if (url.origin !== AUTH) return null;
    requested.push(`${method} ${url.href}`);
    return {
      contentType: 'text/html',
      body: hostedPage(url.searchParams.get('sess_id'), appOrigin),
    };
  });
  try {
    await tab.goto(`${appOrigin}/usage`);
    await tab.getByRole('button', { name: 'Connect your bank' }).click();
    await tab.getByText('Your bank is connected.').waitFor({ timeout: 60_000 });
    // The hosted page, once, and the element's reachability check of the bare
    // origin, without the session id: in Chromium a prefetch, a GET
    // (docs/diagnostics.md).
    assert.deepEqual(requested.sort(), [`GET ${AUTH}/`, `GET ${AUTH}/?sess_id=ses_readme`]);
    assert.deepEqual(consentsSaved, [{ consentID: 'cons_for_ses_readme' }]);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

/** Answers the CDN's URLs with the built files (or what `body` makes of them), with CORS. */
const cdn =
  (body = (file) => file) =>
  (url) => {
    const file = { 'fiskil-link.js': bundle, 'fiskil-link.umd.js': umd }[
      url.href.slice(CDN.length)
    ];
    if (!url.href.startsWith(CDN) || !file) return null;
    // `crossorigin` makes the browser ask for this header, as a CDN sends it.
    return {
      contentType: 'text/javascript',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: body(file),
    };
  };

/** A console line of the browser refusing a file for its integrity. */
const integrityRefusal = (tab, timeout) =>
  tab.waitForEvent('console', {
    predicate: (message) => /integrity/i.test(message.text()),
    timeout,
  });

/**
 * Waits until `ready()` is true in the page, and fails at once, saying why, when
 * the browser refuses a file for its integrity: what a README hash left stale by
 * a build change looks like. Call before `goto`, so no console line is missed.
 */
function whenLoaded(tab, ready) {
  const refused = integrityRefusal(tab, 0).then(
    (message) =>
      Promise.reject(
        new Error(
          `${message.text()}\nThe README's integrity hashes do not match dist/: run \`npm run readme:cdn\`.`,
        ),
      ),
    () => new Promise(() => {}), // the page closed first: nothing was refused
  );
  refused.catch(() => {}); // read by the race below; never an unhandled rejection
  return () => Promise.race([tab.waitForFunction(ready, null, { timeout: 60_000 }), refused]);
}

test('the CDN snippet: the module file passes its integrity check and registers the element', async () => {
  const { tab, errors, close } = await newPage(cdn());
  try {
    const loaded = whenLoaded(tab, () => customElements.get('fiskil-link'));
    await tab.goto(`${appOrigin}/cdn?tag=0`);
    await loaded();
    assert.equal(await tab.evaluate(() => 'FiskilLink' in window), false);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('the CDN snippet: the classic script passes its integrity check and sets FiskilLink', async () => {
  const { tab, errors, close } = await newPage(cdn());
  try {
    const loaded = whenLoaded(tab, () => window.FiskilLink);
    await tab.goto(`${appOrigin}/cdn?tag=1`);
    await loaded();
    assert.equal(await tab.evaluate(() => typeof window.FiskilLink.link), 'function');
    assert.equal(await tab.evaluate(() => typeof customElements.get('fiskil-link')), 'function');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

for (const [tag, file] of ['fiskil-link.js', 'fiskil-link.umd.js'].entries()) {
  test(`the CDN snippet: a ${file} that does not match its hash is refused`, async () => {
    const { tab, close } = await newPage(cdn((bytes) => `${bytes};window.tampered=true;`));
    try {
      const refused = integrityRefusal(tab, 60_000);
      await tab.goto(`${appOrigin}/cdn?tag=${tag}`);
      await refused;
      assert.equal(await tab.evaluate(() => 'tampered' in window), false);
      assert.equal(await tab.evaluate(() => typeof customElements.get('fiskil-link')), 'undefined');
    } finally {
      await close();
    }
  });
}
