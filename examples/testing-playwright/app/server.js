// The app under test: a checkout page with a production <fiskil-link> (no
// auth-server: Fiskil's own), and a backend that creates the auth session with
// Fiskil's API and keeps the consents the page hands back. `fiskilApi` is
// https://api.fiskil.com in production, the sandbox in tests.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const elementFile = path.join(
  path.dirname(createRequire(import.meta.url).resolve('fiskil-link/package.json')),
  'dist/fiskil-link.js',
);

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Checkout</title>
    <script type="module" src="/fiskil-link.js"></script>
  </head>
  <body>
    <button id="connect">Connect your bank</button>
    <p role="status"></p>
    <fiskil-link></fiskil-link>
    <script type="module">
      const button = document.getElementById('connect');
      const status = document.querySelector('[role="status"]');
      const flow = document.querySelector('fiskil-link');
      flow.addEventListener('consent', async (event) => {
        await fetch('/api/consents', { method: 'POST', body: event.detail.consentID });
        status.textContent = 'Bank connected.';
      });
      flow.addEventListener('link-error', (event) => {
        status.textContent = event.detail.displayMessage;
        button.disabled = false;
      });
      button.addEventListener('click', async () => {
        button.disabled = true;
        const response = await fetch('/api/session', { method: 'POST' });
        flow.sessionId = (await response.json()).session_id;
      });
    </script>
  </body>
</html>`;

/** Starts the app on a free loopback port. */
export async function startApp({
  fiskilApi,
  clientId = 'sandbox_client_id',
  clientSecret = 'sandbox_client_secret',
}) {
  const consents = [];
  const fiskil = async (route, body) => {
    const auth = await fetch(`${fiskilApi}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: clientId, client_secret: clientSecret }),
    });
    const { token } = await auth.json();
    const response = await fetch(fiskilApi + route, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.json();
  };
  const read = async (req) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return text;
  };
  const server = createServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/api/session') {
      const { end_user_id } = await fiskil('/v1/end-users', {});
      const { session_id } = await fiskil('/v1/auth/session', { end_user_id });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ session_id }));
    } else if (req.method === 'POST' && req.url === '/api/consents') {
      consents.push(await read(req));
      res.writeHead(204).end();
    } else if (req.url === '/fiskil-link.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(elementFile));
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    consents,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
