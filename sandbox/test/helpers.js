// @ts-check
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before } from 'node:test';
import { createSandbox } from '../server.js';

/**
 * Starts a sandbox on a free port. The caller closes it.
 * @param {Partial<import('../server.js').SandboxOptions>} [options]
 */
export async function startSandbox(options = {}) {
  const sandbox = createSandbox({ log: () => {}, ...options });
  const url = await sandbox.listen(0);
  const o = sandbox.options;

  /**
   * @param {string} method @param {string} path
   * @param {{ body?: unknown; token?: string; raw?: string; headers?: Record<string, string> }} [opts]
   */
  async function call(method, path, opts = {}) {
    /** @type {Record<string, string>} */
    const headers = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body = opts.raw;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + path, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(5000),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text, headers: res.headers };
  }

  async function token() {
    const r = await call('POST', '/v1/token', {
      body: { client_id: o.clientId, client_secret: o.clientSecret },
    });
    return /** @type {string} */ (r.body.token);
  }

  /** A token, an end user and an auth session. @param {Record<string, unknown>} [sessionBody] */
  async function session(sessionBody = {}) {
    const tok = await token();
    const eu = await call('POST', '/v1/end-users', { token: tok, body: {} });
    const s = await call('POST', '/v1/auth/session', {
      token: tok,
      body: { end_user_id: eu.body.end_user_id, ...sessionBody },
    });
    return {
      token: tok,
      endUserId: /** @type {string} */ (eu.body.end_user_id),
      sessionId: /** @type {string} */ (s.body.session_id),
      created: s.body,
    };
  }

  /** Drives the hosted flow's own endpoints, as the hosted page does. @param {string} sessionId @param {string} action @param {object} [body] */
  const step = (sessionId, action, body = {}) =>
    call('POST', `/hosted/api/sessions/${sessionId}/${action}`, {
      body,
      headers: { origin: url, 'sec-fetch-site': 'same-origin' },
    });

  /**
   * Runs the flow to the consent screen (institution, login, code) and returns the accounts offered.
   * @param {string} sessionId
   */
  async function toConsent(sessionId, institution = 'sandbox-bank', username = 'user_good') {
    await step(sessionId, 'institution', { institution_id: institution });
    const login = await step(sessionId, 'login', { username, password: 'pass_good' });
    if (login.body.step !== 'otp') return login;
    return step(sessionId, 'otp', { code: '123456' });
  }

  /** A full successful flow; returns the consent id and the accounts shared. */
  async function consent(institution = 'sandbox-bank', pick = (/** @type {any[]} */ a) => a) {
    const s = await session();
    const offered = await toConsent(s.sessionId, institution);
    const accounts = pick(offered.body.accounts).map((/** @type {any} */ a) => a.id);
    const done = await step(s.sessionId, 'confirm', { account_ids: accounts });
    return { ...s, accounts, offered: offered.body.accounts, outcome: done.body.outcome };
  }

  return { sandbox, url, call, token, session, step, toConsent, consent };
}

/**
 * A webhook receiver on a free port that answers with `statuses` in turn (then 200),
 * or with what `statuses` returns for each delivery's parsed body.
 * @param {number[] | ((event: any) => number)} [statuses]
 */
export async function startReceiver(statuses = []) {
  /** @type {{ headers: import('node:http').IncomingHttpHeaders; body: string }[]} */
  const received = [];
  /** @type {((v: unknown) => void)[]} */
  let waiters = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    received.push({ headers: req.headers, body });
    const status =
      typeof statuses === 'function' ? statuses(JSON.parse(body)) : (statuses.shift() ?? 200);
    res.writeHead(status).end();
    waiters.forEach((w) => w(undefined));
    waiters = [];
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${addr.port}/hook`,
    received,
    /** Resolves once `n` requests have arrived. @param {number} n */
    async waitFor(n) {
      while (received.length < n) await new Promise((r) => waiters.push(r));
      return received;
    },
    close() {
      const closed = new Promise((r) => server.close(() => r(undefined)));
      server.closeAllConnections();
      return closed;
    },
  };
}

/**
 * Asserts an API error: the status, and a body `{ name, id, message }` (with `name`, if given).
 * @param {{ status: number; body: any }} r @param {number} status @param {string} [name]
 */
export function assertError(r, status, name) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(typeof r.body?.name, 'string');
  assert.match(r.body.id, /^err_/);
  assert.equal(typeof r.body.message, 'string');
  if (name) assert.equal(r.body.name, name);
}

/**
 * An auth session on a sandbox at `url`, made as an integrator's backend would: token,
 * end user, session. Resolves with the session id.
 * @param {string} url @param {{ clientId?: string; clientSecret?: string }} [creds]
 */
export async function newSession(url, creds = {}) {
  /** @param {string} path @param {object} body @param {string} [token] */
  const post = (path, body, token) =>
    fetch(url + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  const { token } = await post('/v1/token', {
    client_id: creds.clientId ?? 'sandbox_client_id',
    client_secret: creds.clientSecret ?? 'sandbox_client_secret',
  });
  const eu = await post('/v1/end-users', {}, token);
  const s = await post('/v1/auth/session', { end_user_id: eu.end_user_id }, token);
  return /** @type {string} */ (s.session_id);
}

/**
 * A sandbox for the enclosing suite: started before its tests, closed after them.
 * The object is filled in by the time the first test runs.
 * @param {Partial<import('../server.js').SandboxOptions>} [options]
 */
export function suiteSandbox(options) {
  const sb = /** @type {Awaited<ReturnType<typeof startSandbox>>} */ ({});
  before(async () => {
    Object.assign(sb, await startSandbox(options));
  });
  after(() => sb.sandbox.close());
  return sb;
}
