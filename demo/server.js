// @ts-check
// The demo app's backend: what an integrator's server does. It holds the Fiskil client
// secret, creates end users and auth sessions, reads consented data, receives webhooks
// (verifying their Standard Webhooks signature with the sandbox's verifySignature) and
// serves the page (through Vite, so it loads ../src). It reads data in the shapes of
// Fiskil's Data API, as an integrator's backend would.
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer as createVite } from 'vite';
import { verifySignature } from '../sandbox/server.js';
import { frameworkPlugins, packageAlias, servePackageDist } from './frameworks/vite.frameworks.js';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const MAX_BODY = 64 * 1024;
const MAX_WEBHOOKS = 200;

/**
 * @typedef {{ sandboxUrl: string; clientId: string; clientSecret: string; webhookSecret: string; log: (line: string) => void }} DemoConfig
 */

/**
 * Creates the demo app (not yet listening). `config.sandboxUrl` may be set after creation.
 * @param {DemoConfig} config
 */
export async function createDemo(config) {
  const server = createServer();
  const vite = await createVite({
    configFile: false,
    root: ROOT,
    appType: 'mpa',
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: { server } },
    // The framework apps under /frameworks/ (linked from the start page).
    plugins: [frameworkPlugins(), servePackageDist()],
    resolve: { alias: [packageAlias('src')] },
  });

  /** The one customer of this demo (a real app keeps one per signed-in user). */
  let endUserId = '';
  /** @type {{ message_id: string; type: string; received_at: string; verified: boolean; arrangement_id?: string }[]} */
  const webhooks = [];
  /** @type {Set<import('node:http').ServerResponse>} */
  const streams = new Set();
  /** @type {string | undefined} */
  let token;

  /** Calls the Fiskil (sandbox) API with a cached bearer token, refreshing it once on 401. */
  async function fiskil(
    /** @type {string} */ method,
    /** @type {string} */ p,
    /** @type {unknown} */ body = undefined,
    retry = true,
  ) {
    if (!token) {
      const r = await fetch(`${config.sandboxUrl}/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: config.clientId, client_secret: config.clientSecret }),
        signal: AbortSignal.timeout(5000),
      });
      if (!r.ok) throw new Error(`POST /v1/token: ${r.status}`);
      token = (await r.json()).token;
    }
    const res = await fetch(config.sandboxUrl + p, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(5000),
    });
    if (res.status === 401 && retry) {
      token = undefined;
      return fiskil(method, p, body, false);
    }
    return { status: res.status, body: await res.json() };
  }

  /** @param {import('node:http').IncomingMessage} req */
  async function rawBody(req) {
    let size = 0;
    /** @type {Buffer[]} */
    const chunks = [];
    for await (const c of req) {
      size += c.length;
      if (size > MAX_BODY) throw Object.assign(new Error('Body too large'), { status: 413 });
      chunks.push(c);
    }
    return Buffer.concat(chunks);
  }

  /** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
  const json = (res, status, body) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(body));
  };

  /** Everything the page shows after a flow: consents, data (through our backend), webhooks. */
  async function overview() {
    if (!endUserId)
      return {
        sandbox_url: config.sandboxUrl,
        end_user_id: null,
        consents: [],
        banking: null,
        energy: null,
        webhooks,
      };
    const q = `end_user_id=${encodeURIComponent(endUserId)}`;
    const consents = (await fiskil('GET', `/v1/consent?${q}`)).body;
    const banking = await fiskil('GET', `/v1/banking/accounts?${q}`);
    let bankingData = null;
    if (banking.status === 200) {
      const { balances } = (await fiskil('GET', `/v1/banking/balances?${q}`)).body;
      bankingData = await Promise.all(
        banking.body.accounts.map(async (/** @type {any} */ a) => ({
          ...a,
          balance: balances.find((/** @type {any} */ b) => b.account_id === a.account_id),
          transactions: (
            await fiskil(
              'GET',
              `/v1/banking/transactions?${q}&account_id=${a.account_id}&page[size]=5`,
            )
          ).body.transactions,
        })),
      );
    }
    const energy = await fiskil('GET', `/v1/energy/accounts?${q}`);
    let energyData = null;
    if (energy.status === 200) {
      energyData = await Promise.all(
        energy.body.accounts.map(async (/** @type {any} */ a) => ({
          ...a,
          usage: (
            await fiskil('GET', `/v1/energy/usage?${q}&account_id=${a.account_id}&page[size]=7`)
          ).body.usage,
        })),
      );
    }
    return {
      sandbox_url: config.sandboxUrl,
      end_user_id: endUserId,
      consents,
      banking: bankingData,
      banking_error: banking.status === 200 ? null : banking.body.name,
      energy: energyData,
      webhooks,
    };
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function api(req, res, /** @type {string} */ pathname) {
    if (req.method === 'POST' && pathname === '/webhooks/fiskil') {
      const body = await rawBody(req);
      const verified = verifySignature(body, req.headers, config.webhookSecret);
      if (!verified) {
        config.log('webhook rejected: bad signature');
        return json(res, 401, { error: 'bad signature' });
      }
      const event = JSON.parse(body.toString());
      if (!webhooks.some((w) => w.message_id === event.message_id)) {
        webhooks.unshift({
          message_id: event.message_id,
          type: event.type,
          received_at: new Date().toISOString(),
          verified,
          arrangement_id: event.data?.arrangement_id,
        });
        webhooks.length = Math.min(webhooks.length, MAX_WEBHOOKS);
        for (const s of streams) s.write(`event: webhook\ndata: ${JSON.stringify(event.type)}\n\n`);
      }
      return json(res, 200, { ok: true });
    }
    if (req.method === 'POST' && pathname === '/api/connect') {
      if (!endUserId) {
        const eu = await fiskil('POST', '/v1/end-users', { name: 'Alex Citizen' });
        if (eu.status !== 201) return json(res, 502, eu.body);
        endUserId = eu.body.end_user_id;
      }
      const s = await fiskil('POST', '/v1/auth/session', { end_user_id: endUserId });
      if (s.status !== 201) return json(res, 502, s.body);
      return json(res, 200, {
        session_id: s.body.session_id,
        auth_server: config.sandboxUrl,
        end_user_id: endUserId,
      });
    }
    if (req.method === 'GET' && pathname === '/api/overview')
      return json(res, 200, await overview());
    const revoke = /^\/api\/consents\/([\w-]+)$/.exec(pathname);
    if (req.method === 'DELETE' && revoke) {
      const r = await fiskil('DELETE', `/v1/consent/${revoke[1]}`);
      return json(res, r.status, r.body);
    }
    if (req.method === 'POST' && pathname === '/api/reset') {
      endUserId = '';
      webhooks.length = 0;
      return json(res, 200, { ok: true });
    }
    if (req.method === 'GET' && pathname === '/api/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return undefined;
    }
    return json(res, 404, { error: 'not found' });
  }

  server.on('request', (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
    if (pathname.startsWith('/api/') || pathname.startsWith('/webhooks/')) {
      api(req, res, pathname).catch((e) => {
        config.log(
          `demo backend error on ${req.method} ${pathname}: ${e instanceof Error ? e.message : e}`,
        );
        if (!res.headersSent)
          json(res, e.status ?? 502, {
            error: e.status === 413 ? 'too large' : 'The demo backend could not reach Fiskil.',
          });
      });
      return;
    }
    vite.middlewares(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });

  return {
    server,
    config,
    /** @param {number} port @param {string} [host] @returns {Promise<string>} */
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(
            `http://localhost:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`,
          );
        });
      });
    },
    async close() {
      for (const s of streams) s.end();
      await vite.close();
      await new Promise((r) => {
        server.close(() => r(undefined));
        server.closeAllConnections();
      });
    },
  };
}
