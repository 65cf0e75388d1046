// The app's production server: the files `ng build` wrote (dist/angular/browser)
// and the session routes, which hold the Fiskil client secret. Angular's CLI
// builds a static app, so this small server is the app's backend.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { createFiskilClient } from 'fiskil-link/server';

const env = process.env;
const fiskil = createFiskilClient({
  clientId: env.FISKIL_CLIENT_ID ?? '',
  clientSecret: env.FISKIL_CLIENT_SECRET ?? '',
  baseUrl: env.FISKIL_API_URL,
});
/** The signed-in user, as your own session would know them. */
const user = { email: 'alex@example.com', name: 'Alex Citizen' };
/** The last consent this server confirmed (a real app stores it with the user). */
let confirmedConsentID = null;

const root = resolve('dist/angular/browser');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ico': 'image/x-icon',
};

const routes = {
  // A session for the signed-in user; the page puts its id on <fiskil-link>.
  'POST /api/session': async () => {
    const { sessionId } = await fiskil.createLinkSession({ user });
    return [200, { sessionId, authServer: env.FISKIL_AUTH_SERVER }];
  },
  // The browser's consent event is a signal: confirm it with Fiskil before trusting it.
  'POST /api/consent': async (body) => {
    const { consentID } = JSON.parse(body);
    const { endUserId } = await fiskil.endUsers.ensure(user);
    const ok =
      typeof consentID === 'string' && (await fiskil.consents.confirm({ endUserId, consentID }));
    if (ok) confirmedConsentID = consentID;
    return [ok ? 200 : 404, { confirmed: ok }];
  },
  'GET /api/consent': async () => [200, { consentID: confirmedConsentID }],
};

async function readBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

async function serveFile(path, res) {
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const info = file.startsWith(root + sep) ? await stat(file).catch(() => null) : null;
  // Any other path is a page of the app: Angular's router (if any) reads it.
  const found = info?.isFile() ? file : join(root, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(found)] ?? 'application/octet-stream' });
  createReadStream(found).pipe(res);
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const route = routes[`${req.method} ${path}`];
  if (!route) return serveFile(decodeURIComponent(path), res);
  try {
    const [status, json] = await route(await readBody(req));
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  } catch (error) {
    console.error(error);
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"internal"}');
  }
});

const host = env.HOST ?? '127.0.0.1';
server.listen(Number(env.PORT ?? 4200), host, () => {
  console.log(`http://${host}:${server.address().port}`);
});
