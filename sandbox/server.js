// @ts-check
// A local stand-in for Fiskil: the hosted consent flow and the API, in one loopback
// HTTP server. It is an independent reading of the wire protocol (docs/protocol.md):
// it imports nothing from the element in src/. This module is the public entry,
// `fiskil-link/sandbox`; its types are in server.d.ts.
import { createServer } from 'node:http';
import { resolveOptions } from './config.js';
import { createContext } from './context.js';
import { ApiError, rid, sendJson } from './http.js';
import { dispatch } from './routes.js';
import { createStatic } from './static.js';

export {
  DEFAULTS,
  OTP_ATTEMPTS,
  QUESTION_ATTEMPTS,
  SECURITY_ANSWER,
  SECURITY_QUESTION,
  TEST_OTP,
  TEST_PASSWORD,
  TEST_USERS,
} from './config.js';
export { INSTITUTIONS } from './institutions.js';
export {
  ID_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  TOLERANCE_SECONDS,
  sign,
  verifySignature,
} from './signing.js';
export { EVENT_TYPES } from './webhooks.js';

/** @typedef {import('./config.js').SandboxOptions} SandboxOptions */

/** How often expired consents are looked for, so their webhooks go out unprompted. */
const EXPIRY_SWEEP_MS = 1000;

/**
 * Creates (does not start) a sandbox.
 * @param {Partial<SandboxOptions>} [options]
 */
export function createSandbox(options = {}) {
  const o = resolveOptions(options);
  const ctx = createContext(o);
  const serveStatic = createStatic(o);

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      throw new ApiError(400, 'invalid_request', 'The path is not valid.');
    }
    // A fault set for this route answers in its place (or first makes it wait).
    if (pathname.startsWith('/v1/') && (await ctx.faults.apply(req.method ?? 'GET', pathname, res)))
      return;
    const answer = await dispatch({ req, url, ctx }, pathname);
    if (answer) sendJson(res, answer[0], answer[1]);
    else await serveStatic(req, res, pathname);
  }

  const server = createServer(
    {
      requestTimeout: o.requestTimeoutMs,
      headersTimeout: Math.min(10_000, o.requestTimeoutMs),
      keepAliveTimeout: 2_000,
      // Node checks the request timeout on this interval (30 s by default), so a stalled
      // body would otherwise be closed up to 30 s late.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, o.requestTimeoutMs / 2)),
    },
    (req, res) => {
      handle(req, res).catch((e) => {
        if (res.headersSent || res.destroyed) return void res.destroy();
        // The client went away or Node closed the request at its timeout: not our error.
        if (!(e instanceof ApiError) && (req.destroyed || req.errored)) return;
        if (e instanceof ApiError) {
          if (e.status === 413) res.setHeader('connection', 'close');
          sendJson(res, e.status, {
            name: e.code,
            id: rid('err', 8),
            message: e.message,
            ...e.extra,
          });
        } else {
          o.log(`internal error on ${req.method} ${req.url}: ${e instanceof Error ? e.stack : e}`);
          sendJson(res, 500, {
            name: 'internal_error',
            id: rid('err', 8),
            message: 'The sandbox failed to handle this request.',
          });
        }
      });
    },
  );
  /** @type {NodeJS.Timeout | undefined} */
  let sweep;

  return {
    server,
    options: o,
    webhooks: ctx.webhooks,
    /** The faults in force: add(), list(), clear() (faults.js). */
    faults: { add: ctx.faults.add, list: ctx.faults.list, clear: ctx.faults.clear },
    get url() {
      return ctx.publicUrl;
    },
    /**
     * Starts listening (port 0: a free port). Resolves with the base URL.
     * @param {number} [port] @param {string} [host] @returns {Promise<string>}
     */
    listen(port = o.port, host = o.host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
          const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
          ctx.publicUrl = `http://${h}:${addr.port}`;
          sweep = setInterval(() => ctx.consents.sweep(), EXPIRY_SWEEP_MS).unref();
          resolve(ctx.publicUrl);
        });
      });
    },
    /** Stops serving and drops pending webhook retries. @returns {Promise<void>} */
    close() {
      clearInterval(sweep);
      ctx.webhooks.close();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
