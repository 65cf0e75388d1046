// @ts-check
// Serves demo/strict-csp.html (and the built element) with the strict
// Content-Security-Policy of docs/security.md, on a free loopback port.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const FILES = {
  '/': ['demo/strict-csp.html', 'text/html; charset=utf-8'],
  '/strict-csp.js': ['demo/strict-csp.js', 'text/javascript; charset=utf-8'],
  '/strict-csp.css': ['demo/strict-csp.css', 'text/css; charset=utf-8'],
  '/dist/fiskil-link.js': ['dist/fiskil-link.js', 'text/javascript; charset=utf-8'],
};

/** The policy an integrator's strictest page can have with the element on it. */
export function strictPolicy(/** @type {string} */ authOrigin, trustedTypes = "'none'") {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    `frame-src ${authOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes}`,
  ].join('; ');
}

/**
 * @param {{ authOrigin: string, authServer: (pageOrigin: string) => string, createSession: () => Promise<string>, trustedTypes?: string }} options
 * `authServer` gives the hosted flow's URL for the page's origin; `createSession`
 * is the integrator's backend call (POST /v1/auth/session).
 */
export async function startStrictPage({ authOrigin, authServer, createSession, trustedTypes }) {
  const policy = strictPolicy(authOrigin, trustedTypes);
  let url = '';
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://page.invalid');
      if (pathname === '/session' && req.method === 'POST') {
        const sessionId = await createSession();
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ session_id: sessionId, auth_server: authServer(url) }));
        return;
      }
      const file = FILES[/** @type {keyof typeof FILES} */ (pathname)];
      if (!file || req.method !== 'GET') {
        res.writeHead(404, { 'content-security-policy': policy }).end();
        return;
      }
      res.writeHead(200, {
        'content-type': file[1],
        'content-security-policy': policy,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(await readFile(path.join(ROOT, file[0])));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  server.keepAliveTimeout = 500;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    policy,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
