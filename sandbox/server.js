// @ts-check
// A local stand-in for Fiskil: the hosted consent flow and the API, in one loopback
// HTTP server. It reads ../PROTOCOL.md independently of the element in src/.
import { createServer } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_PERMISSIONS,
  INSTITUTIONS,
  PERMISSION_LABELS,
  accountsAt,
  bankingAccount,
  bankingBalance,
  bankingTransactions,
  energyAccount,
  energyUsage,
  findInstitution,
} from './data.js';
import { createWebhooks } from './webhooks.js';

export { verifySignature, sign, SIGNATURE_HEADER } from './webhooks.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HOSTED_DIR = path.join(HERE, 'hosted');
const DOCS_ERRORS = 'https://docs.fiskil.com/docs/errors';

/** The test credentials of README.md "Test credentials". */
export const TEST_USERS = Object.freeze({
  user_good: 'good',
  user_ineligible: 'ineligible',
  user_consent_timeout: 'timeout',
  user_silent: 'silent',
});
export const TEST_PASSWORD = 'pass_good';
export const TEST_OTP = '123456';
export const OTP_ATTEMPTS = 3;

export const DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 4010,
  clientId: 'sandbox_client_id',
  clientSecret: 'sandbox_client_secret',
  /** @type {string | undefined} */
  webhookUrl: undefined,
  webhookSecret: 'whsec_sandbox',
  appName: 'Sandbox App',
  /** @type {string | undefined} */
  appLogo: undefined,
  purpose: 'To show your accounts, balances and spending in one place.',
  /** Origins allowed to embed the hosted flow; empty: any (the parent's own origin is used). */
  appOrigins: /** @type {string[]} */ ([]),
  industries: /** @type {('banking' | 'energy')[]} */ (['banking', 'energy']),
  consentDays: 365,
  tokenTtlSeconds: 3600,
  sessionTtlSeconds: 5 * 24 * 3600,
  maxBodyBytes: 64 * 1024,
  maxTokens: 1000,
  maxEndUsers: 10_000,
  maxSessions: 10_000,
  maxConsents: 10_000,
  webhookMaxAttempts: 5,
  webhookRetryBaseMs: 1000,
  webhookTimeoutMs: 5000,
  maxWebhookLog: 500,
  /** @type {(line: string) => void} */
  log: (line) => console.log(`[sandbox] ${line}`),
});

/** @typedef {typeof DEFAULTS} SandboxOptions */

class ApiError extends Error {
  /** @param {number} status @param {string} name @param {string} message @param {object} [extra] */
  constructor(status, name, message, extra) {
    super(message);
    this.status = status;
    this.code = name;
    this.extra = extra;
  }
}

const rid = (/** @type {string} */ prefix, bytes = 12) =>
  `${prefix}_${randomBytes(bytes).toString('hex')}`;
const nowSec = () => Math.floor(Date.now() / 1000);

/** Keeps a Map under `max` entries by dropping the oldest. */
function boundedSet(
  /** @type {Map<any, any>} */ map,
  /** @type {any} */ key,
  /** @type {any} */ value,
  max,
) {
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value);
}

/** Locates the Lit packages so the hosted pages can import them by bare name (no bundler at runtime). */
function vendorPackages() {
  const pkgRoot = (/** @type {NodeJS.Require} */ req, /** @type {string} */ name) => {
    let dir = path.dirname(req.resolve(name));
    while (!dir.endsWith(path.join('node_modules', name))) dir = path.dirname(dir);
    return dir;
  };
  const req = createRequire(import.meta.url);
  const lit = pkgRoot(req, 'lit');
  const fromLit = createRequire(path.join(lit, 'package.json'));
  return {
    lit,
    'lit-html': pkgRoot(fromLit, 'lit-html'),
    'lit-element': pkgRoot(fromLit, 'lit-element'),
    '@lit/reactive-element': pkgRoot(fromLit, '@lit/reactive-element'),
  };
}

const IMPORT_MAP = JSON.stringify({
  imports: {
    lit: '/vendor/lit/index.js',
    'lit/': '/vendor/lit/',
    'lit-html': '/vendor/lit-html/lit-html.js',
    'lit-html/': '/vendor/lit-html/',
    'lit-element/': '/vendor/lit-element/',
    '@lit/reactive-element': '/vendor/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/vendor/@lit/reactive-element/',
  },
});

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Creates (does not start) a sandbox.
 * @param {Partial<SandboxOptions>} [options]
 */
export function createSandbox(options = {}) {
  /** @type {SandboxOptions} */
  const o = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  };
  let publicUrl = '';
  const vendor = vendorPackages();
  const log = o.log;

  /** @type {Map<string, number>} token → expiry (ms) */
  const tokens = new Map();
  /** @type {Map<string, any>} */
  const endUsers = new Map();
  /** @type {Map<string, any>} */
  const sessions = new Map();
  /** @type {Map<string, any>} */
  const consents = new Map();
  const webhooks = createWebhooks({
    url: o.webhookUrl,
    secret: o.webhookSecret,
    maxAttempts: o.webhookMaxAttempts,
    retryBaseMs: o.webhookRetryBaseMs,
    timeoutMs: o.webhookTimeoutMs,
    maxLog: o.maxWebhookLog,
    log,
  });
  const anchor = new Date(new Date().toISOString().slice(0, 10) + 'T12:00:00Z');

  // ---------- request plumbing ----------

  /** @param {import('node:http').IncomingMessage} req @returns {Promise<Record<string, any>>} */
  async function readJson(req) {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > o.maxBodyBytes)
      throw new ApiError(
        413,
        'payload_too_large',
        `Request bodies are limited to ${o.maxBodyBytes} bytes.`,
      );
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > o.maxBodyBytes)
        throw new ApiError(
          413,
          'payload_too_large',
          `Request bodies are limited to ${o.maxBodyBytes} bytes.`,
        );
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') return {};
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type !== 'application/json')
      throw new ApiError(
        415,
        'unsupported_media_type',
        'Send JSON with Content-Type: application/json.',
      );
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new ApiError(400, 'invalid_request', 'The request body must be a JSON object.');
    return body;
  }

  /** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
  function sendJson(res, status, body) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  /** @param {import('node:http').IncomingMessage} req */
  function requireToken(req) {
    const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    if (!m)
      throw new ApiError(
        401,
        'unauthorized',
        'Missing bearer token: send Authorization: Bearer <token> from POST /v1/token.',
      );
    const exp = tokens.get(m[1]);
    if (exp === undefined)
      throw new ApiError(401, 'unauthorized', 'The bearer token is not valid.');
    if (Date.now() >= exp) {
      tokens.delete(m[1]);
      throw new ApiError(
        401,
        'token_expired',
        'The bearer token has expired: get a new one from POST /v1/token.',
      );
    }
  }

  /**
   * @param {Record<string, any>} body @param {string} key
   * @param {{ required?: boolean; max?: number; pattern?: RegExp; hint?: string }} [rule]
   * @returns {string | undefined}
   */
  function field(body, key, rule = {}) {
    const v = body[key];
    if (v === undefined || v === null || v === '') {
      if (rule.required)
        throw new ApiError(400, 'invalid_request', `The field "${key}" is required.`);
      return undefined;
    }
    if (typeof v !== 'string')
      throw new ApiError(400, 'invalid_request', `The field "${key}" must be a string.`);
    if (v.length > (rule.max ?? 256))
      throw new ApiError(400, 'invalid_request', `The field "${key}" is too long.`);
    if (rule.pattern && !rule.pattern.test(v))
      throw new ApiError(
        400,
        'invalid_request',
        `The field "${key}" is not valid${rule.hint ? `: ${rule.hint}` : ''}.`,
      );
    return v;
  }

  /** @param {URL} url @param {string} key */
  function query(url, key, required = true) {
    const v = url.searchParams.get(key);
    if (required && !v)
      throw new ApiError(400, 'invalid_request', `The query parameter "${key}" is required.`);
    return v ?? undefined;
  }

  /** @param {string} id */
  function endUser(id, status = 404) {
    const u = endUsers.get(id);
    if (!u) throw new ApiError(status, 'end_user_not_found', `No end user with id "${id}".`);
    return u;
  }

  // ---------- outcomes (PROTOCOL.md "Messages from the hosted page") ----------

  /** Flat form: session and cancel failures. @param {string} type @param {string} description */
  const flatFailure = (type, description) => ({
    isCompleted: false,
    error: type,
    errorType: type,
    errorID: rid('err', 8),
    errorDescription: description,
    errorURI: `${DOCS_ERRORS}#${type}`,
  });

  /** Redirect-URL form: consent failures. @param {any} s @param {string} error @param {string} type @param {string} description */
  function redirectFailure(s, error, type, description) {
    const u = new URL(s.cancel_uri ?? `${publicUrl}/cancel`);
    u.searchParams.set('error', error);
    u.searchParams.set('error_description', description);
    u.searchParams.set('error_id', rid('err', 8));
    u.searchParams.set('error_type', type);
    u.searchParams.set('error_uri', `${DOCS_ERRORS}#${type}`);
    return { isCompleted: true, redirectURL: u.href };
  }

  /** @param {any} s @param {'completed' | 'failed' | 'cancelled'} status @param {object} outcome */
  function finish(s, status, outcome) {
    s.status = status;
    s.step = 'done';
    s.outcome = outcome;
    s.finished_at = nowSec();
    log(`session ${s.id}: ${status}`);
    return { outcome };
  }

  const INVALID = {
    unknown:
      'This link is not valid. It may have been mistyped. Ask the app you came from to start again.',
    expired: 'This link has expired. Ask the app you came from to start again.',
    used: 'This link has already been used. Ask the app you came from to start again.',
  };

  /** A session the hosted flow may still use, or LINK_INVALID_SESSION with the reason. @param {string} id */
  function liveSession(id) {
    const s = sessions.get(id);
    /** @type {keyof typeof INVALID | undefined} */
    const reason = !s
      ? 'unknown'
      : s.status !== 'created'
        ? 'used'
        : Date.now() >= s.expires_at * 1000
          ? 'expired'
          : undefined;
    if (reason) {
      throw new ApiError(410, 'LINK_INVALID_SESSION', INVALID[reason], {
        reason,
        outcome: flatFailure('LINK_INVALID_SESSION', `Invalid/terminal session (${reason})`),
      });
    }
    return s;
  }

  /** @param {any} s */
  function allowedInstitutions(s) {
    const implied = s.permissions
      ? new Set(
          s.permissions.map((/** @type {string} */ p) =>
            p.startsWith('energy:') ? 'energy' : 'banking',
          ),
        )
      : undefined;
    return INSTITUTIONS.filter(
      (i) => o.industries.includes(i.type) && (!implied || implied.has(i.type)),
    );
  }

  /** @param {any} s @param {string} step */
  function expectStep(s, ...step) {
    if (!step.includes(s.step))
      throw new ApiError(
        409,
        'invalid_step',
        `This action is not available at the "${s.step}" step.`,
      );
  }

  // ---------- API handlers ----------

  /** @typedef {{ req: import('node:http').IncomingMessage; url: URL; params: string[] }} Ctx */

  /** @type {Record<string, (ctx: Ctx) => Promise<[number, unknown]> | [number, unknown]>} */
  const api = {
    async token({ req }) {
      const body = await readJson(req);
      const id = field(body, 'client_id', { required: true });
      const secret = field(body, 'client_secret', { required: true }) ?? '';
      const ok =
        id === o.clientId &&
        secret.length === o.clientSecret.length &&
        timingSafeEqual(Buffer.from(secret), Buffer.from(o.clientSecret));
      if (!ok)
        throw new ApiError(401, 'invalid_client', 'Unknown client_id or wrong client_secret.');
      const token = rid('sbx_tok', 24);
      boundedSet(tokens, token, Date.now() + o.tokenTtlSeconds * 1000, o.maxTokens);
      // The docs disagree on the field name (PROTOCOL.md step 1): answer with both.
      return [
        200,
        { token, access_token: token, token_type: 'Bearer', expires_in: o.tokenTtlSeconds },
      ];
    },

    async createEndUser({ req }) {
      const body = await readJson(req);
      const email = field(body, 'email', {
        pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
        hint: 'an email address',
      });
      const name = field(body, 'name');
      const phone = field(body, 'phone', {
        pattern: /^\+[1-9]\d{6,14}$/,
        hint: 'E.164, e.g. +61412345678',
      });
      const abn = field(body, 'abn', { pattern: /^\d{11}$/, hint: '11 digits' });
      if (
        email &&
        [...endUsers.values()].some((u) => u.email?.toLowerCase() === email.toLowerCase())
      ) {
        throw new ApiError(
          400,
          'end_user_already_exists',
          `An end user with the email "${email}" already exists.`,
        );
      }
      if (endUsers.size >= o.maxEndUsers)
        throw new ApiError(
          429,
          'sandbox_limit_reached',
          'The sandbox holds too many end users: restart it for a clean state.',
        );
      const id = rid('eu', 10);
      endUsers.set(id, {
        id,
        end_user_id: id,
        email: email ?? null,
        name: name ?? null,
        phone: phone ?? null,
        abn: abn ?? null,
        created_at: new Date().toISOString(),
      });
      return [201, { end_user_id: id }];
    },

    getEndUser({ params }) {
      return [200, endUser(params[0])];
    },

    async createSession({ req }) {
      const body = await readJson(req);
      const euid = field(body, 'end_user_id', { required: true }) ?? '';
      endUser(euid, 400);
      const institutionId = field(body, 'institution_id');
      if (institutionId && !findInstitution(institutionId))
        throw new ApiError(
          400,
          'invalid_institution_id',
          `No institution with id "${institutionId}".`,
        );
      const urlRule = { max: 2048, pattern: /^https?:\/\/[^\s]+$/, hint: 'an http(s) URL' };
      const redirect = field(body, 'redirect_uri', urlRule);
      const cancel = field(body, 'cancel_uri', urlRule);
      let permissions;
      if (body.permissions !== undefined) {
        const known = Object.keys(PERMISSION_LABELS);
        if (
          !Array.isArray(body.permissions) ||
          body.permissions.length === 0 ||
          !body.permissions.every((p) => known.includes(p))
        ) {
          throw new ApiError(
            400,
            'invalid_request',
            `"permissions" must be a non-empty array of: ${known.join(', ')}.`,
          );
        }
        permissions = [...new Set(/** @type {string[]} */ (body.permissions))];
      }
      const id = rid('sess', 12);
      const expires = nowSec() + o.sessionTtlSeconds;
      const s = {
        id,
        end_user_id: euid,
        institution_id: institutionId ?? null,
        redirect_uri: redirect,
        cancel_uri: cancel,
        permissions,
        created_at: nowSec(),
        expires_at: expires,
        status: 'created',
        step: institutionId ? 'login' : 'institution',
        otp_failures: 0,
      };
      boundedSet(sessions, id, s, o.maxSessions);
      const authUrl = new URL(publicUrl);
      authUrl.searchParams.set('sess_id', id);
      return [201, { id, session_id: id, auth_url: authUrl.href, expires_at: expires }];
    },

    listConsents({ url }) {
      const euid = query(url, 'end_user_id') ?? '';
      endUser(euid);
      return [200, [...consents.values()].filter((c) => c.end_user_id === euid).map(publicConsent)];
    },

    revokeConsent({ params }) {
      const c = consents.get(params[0]);
      if (!c)
        throw new ApiError(
          404,
          'consent_not_found',
          `No consent with arrangement_id "${params[0]}".`,
        );
      if (!c.active)
        throw new ApiError(400, 'consent_already_revoked', 'This consent is already revoked.');
      c.active = false;
      c.status = 'revoked';
      c.revoked_at = new Date().toISOString();
      log(`consent ${c.arrangement_id} revoked`);
      webhooks.send('consent.revoked', publicConsent(c));
      return [200, publicConsent(c)];
    },

    bankingAccounts({ url }) {
      const accounts = consentedAccounts(url, 'banking');
      return [200, page(url, accounts.map(bankingAccount), 'accounts')];
    },

    bankingBalances({ url }) {
      const accounts = consentedAccounts(url, 'banking', query(url, 'account_id', false));
      return [200, page(url, accounts.map(bankingBalance), 'balances')];
    },

    bankingTransactions({ url }) {
      const [account] = consentedAccounts(url, 'banking', query(url, 'account_id'));
      return [200, page(url, bankingTransactions(account, anchor), 'transactions')];
    },

    energyAccounts({ url }) {
      const accounts = consentedAccounts(url, 'energy');
      return [200, page(url, accounts.map(energyAccount), 'accounts')];
    },

    energyUsage({ url }) {
      const [account] = consentedAccounts(url, 'energy', query(url, 'account_id'));
      return [200, page(url, energyUsage(account, anchor), 'reads')];
    },

    // Sandbox-only helpers for tests (not part of Fiskil's API).
    sessionState({ params }) {
      const s = sessions.get(params[0]);
      if (!s)
        throw new ApiError(404, 'session_not_found', `No auth session with id "${params[0]}".`);
      return [200, { ...s, otp_failures: undefined }];
    },

    expireSession({ params }) {
      const s = sessions.get(params[0]);
      if (!s)
        throw new ApiError(404, 'session_not_found', `No auth session with id "${params[0]}".`);
      s.expires_at = nowSec() - 1;
      return [200, { id: s.id, expires_at: s.expires_at }];
    },

    webhookLog() {
      return [200, webhooks.deliveries];
    },
  };

  /** @param {any} c */
  function publicConsent(c) {
    return { ...c };
  }

  /**
   * The accounts the end user has consented to share, of one industry; 403 without an active consent.
   * @param {URL} url @param {'banking' | 'energy'} type @param {string} [accountId]
   */
  function consentedAccounts(url, type, accountId) {
    const euid = query(url, 'end_user_id') ?? '';
    endUser(euid);
    const active = [...consents.values()].filter(
      (c) => c.end_user_id === euid && c.active && c.institution_type === type,
    );
    if (active.length === 0)
      throw new ApiError(
        403,
        'consent_required',
        `End user "${euid}" has no active ${type} consent.`,
      );
    const held = active.flatMap((c) => {
      const inst = findInstitution(c.institution_id);
      return inst ? accountsAt(euid, inst).filter((a) => c.accounts.includes(a.id)) : [];
    });
    if (accountId === undefined) return held;
    const one = held.filter((a) => a.id === accountId);
    if (one.length === 0)
      throw new ApiError(
        403,
        'account_not_consented',
        `Account "${accountId}" is not covered by an active consent.`,
      );
    return one;
  }

  /** CDR-style paging: ?page=1&page-size=25. @param {URL} url @param {unknown[]} items @param {string} key */
  function page(url, items, key) {
    const num = (
      /** @type {string} */ name,
      /** @type {number} */ dflt,
      /** @type {number} */ max,
    ) => {
      const raw = url.searchParams.get(name);
      if (raw === null) return dflt;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > max)
        throw new ApiError(
          400,
          'invalid_request',
          `"${name}" must be an integer from 1 to ${max}.`,
        );
      return n;
    };
    const size = num('page-size', 25, 1000);
    const totalPages = Math.max(1, Math.ceil(items.length / size));
    const p = num('page', 1, 1_000_000);
    if (p > totalPages)
      throw new ApiError(400, 'invalid_page', `"page" is beyond the last page (${totalPages}).`);
    const link = (/** @type {number} */ n) => {
      const u = new URL(url.pathname + url.search, publicUrl);
      u.searchParams.set('page', String(n));
      u.searchParams.set('page-size', String(size));
      return u.href;
    };
    return {
      data: { [key]: items.slice((p - 1) * size, p * size) },
      links: {
        self: link(p),
        first: link(1),
        last: link(totalPages),
        ...(p > 1 ? { prev: link(p - 1) } : {}),
        ...(p < totalPages ? { next: link(p + 1) } : {}),
      },
      meta: { totalRecords: items.length, totalPages },
    };
  }

  // ---------- the hosted flow's own endpoints (used by sandbox/hosted/flow.js) ----------

  /** @type {Record<string, (s: any, body: Record<string, any>) => object>} */
  const flow = {
    institution(s, body) {
      expectStep(s, 'institution', 'login', 'unavailable');
      const inst = allowedInstitutions(s).find((i) => i.id === body.institution_id);
      if (!inst)
        throw new ApiError(400, 'invalid_institution_id', 'Choose one of the listed institutions.');
      s.institution_id = inst.id;
      s.step = inst.unavailable ? 'unavailable' : 'login';
      return { step: s.step, institution: inst };
    },
    login(s, body) {
      expectStep(s, 'login');
      const username = typeof body.username === 'string' ? body.username.trim() : '';
      const kind = Object.hasOwn(TEST_USERS, username)
        ? TEST_USERS[/** @type {keyof typeof TEST_USERS} */ (username)]
        : undefined;
      if (!kind || body.password !== TEST_PASSWORD) {
        return {
          error: 'invalid_credentials',
          message: 'The username or password is incorrect. Check them and try again.',
        };
      }
      if (kind === 'ineligible') {
        return finish(
          s,
          'failed',
          redirectFailure(
            s,
            'access_denied',
            'CONSENT_ENDUSER_INELIGIBLE',
            'The end user is not eligible to share data from this institution.',
          ),
        );
      }
      if (kind === 'timeout') {
        return finish(
          s,
          'failed',
          redirectFailure(
            s,
            'temporarily_unavailable',
            'CONSENT_TIMEOUT',
            'The consent process at the institution timed out.',
          ),
        );
      }
      if (kind === 'silent') {
        s.step = 'silent';
        return { step: 'silent' };
      }
      s.step = 'otp';
      return {
        step: 'otp',
        channel: 'sms',
        destination: '•••• ••• 123',
        attempts_left: OTP_ATTEMPTS - s.otp_failures,
      };
    },
    otp(s, body) {
      expectStep(s, 'otp');
      if (body.code === TEST_OTP) {
        s.step = 'accounts';
        const inst = findInstitution(s.institution_id);
        if (!inst) throw new ApiError(409, 'invalid_step', 'No institution chosen.');
        const permissions = s.permissions ?? DEFAULT_PERMISSIONS[inst.type];
        return {
          step: 'accounts',
          accounts: accountsAt(s.end_user_id, inst).map(({ id, name, masked }) => ({
            id,
            name,
            masked,
          })),
          data_types: permissions.map(
            (/** @type {keyof typeof PERMISSION_LABELS} */ p) => PERMISSION_LABELS[p],
          ),
        };
      }
      s.otp_failures += 1;
      if (s.otp_failures >= OTP_ATTEMPTS) {
        return finish(
          s,
          'failed',
          redirectFailure(
            s,
            'access_denied',
            'CONSENT_OTP_FAILURE',
            'One-time password verification failed.',
          ),
        );
      }
      const left = OTP_ATTEMPTS - s.otp_failures;
      return {
        error: 'invalid_otp',
        message: `That code is not right. ${left} ${left === 1 ? 'attempt' : 'attempts'} left.`,
        attempts_left: left,
      };
    },
    confirm(s, body) {
      expectStep(s, 'accounts');
      const inst = findInstitution(s.institution_id);
      if (!inst) throw new ApiError(409, 'invalid_step', 'No institution chosen.');
      const held = accountsAt(s.end_user_id, inst).map((a) => a.id);
      const ids = body.account_ids;
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => held.includes(id))) {
        throw new ApiError(400, 'invalid_request', 'Select at least one of your accounts.');
      }
      if (consents.size >= o.maxConsents)
        throw new ApiError(
          429,
          'sandbox_limit_reached',
          'The sandbox holds too many consents: restart it for a clean state.',
        );
      const created = new Date();
      const c = {
        arrangement_id: rid('arr', 12),
        active: true,
        status: 'active',
        end_user_id: s.end_user_id,
        institution_id: inst.id,
        institution_name: inst.name,
        institution_type: inst.type,
        permissions: s.permissions ?? DEFAULT_PERMISSIONS[inst.type],
        accounts: [...new Set(/** @type {string[]} */ (ids))],
        created_at: created.toISOString(),
        expires_at: new Date(created.getTime() + o.consentDays * 86_400_000).toISOString(),
        duration: o.consentDays * 86_400,
        revoked_at: null,
        session_id: s.id,
      };
      consents.set(c.arrangement_id, c);
      s.consent_id = c.arrangement_id;
      log(`consent ${c.arrangement_id} created for ${s.end_user_id} at ${inst.name}`);
      webhooks.send('consent.received', publicConsent(c));
      const done = new URL(s.redirect_uri ?? `${publicUrl}/complete`);
      done.searchParams.set('consent_id', c.arrangement_id);
      return finish(s, 'completed', {
        isCompleted: true,
        consentID: c.arrangement_id,
        redirectURL: done.href,
      });
    },
    deny(s) {
      expectStep(s, 'accounts');
      return finish(
        s,
        'failed',
        redirectFailure(s, 'access_denied', 'CONSENT_ENDUSER_DENIED', 'End-user denied consent'),
      );
    },
    cancel(s) {
      return finish(
        s,
        'cancelled',
        flatFailure('AUTH_SESSION_CANCELLED', 'The end user cancelled the flow.'),
      );
    },
    close(s) {
      expectStep(s, 'unavailable');
      return finish(
        s,
        'failed',
        redirectFailure(
          s,
          'server_error',
          'CONSENT_UPSTREAM_PROCESSING_ERROR',
          'The institution is unavailable. Try again later.',
        ),
      );
    },
  };

  /** @param {string} id */
  function hostedSession(id) {
    const s = liveSession(id);
    const inst = s.institution_id ? findInstitution(s.institution_id) : undefined;
    // A reload starts the flow over (keeping the one-time-code failures).
    s.step =
      inst && s.step !== 'institution' && !inst.unavailable
        ? 'login'
        : inst?.unavailable
          ? 'unavailable'
          : 'institution';
    return {
      session_id: s.id,
      step: s.step,
      institution: inst ?? null,
      institutions: allowedInstitutions(s),
      app: { name: o.appName, logo_url: o.appLogo ?? null },
      purpose: o.purpose,
      consent_days: o.consentDays,
      app_origins: o.appOrigins,
    };
  }

  // ---------- routing ----------

  const authed = (/** @type {(ctx: Ctx) => any} */ fn) => (/** @type {Ctx} */ ctx) => {
    requireToken(ctx.req);
    return fn(ctx);
  };
  /** @type {[string, RegExp, (ctx: Ctx) => any][]} */
  const routes = [
    ['POST', /^\/v1\/token$/, api.token],
    ['POST', /^\/v1\/end-users$/, authed(api.createEndUser)],
    ['GET', /^\/v1\/end-users\/([^/]+)$/, authed(api.getEndUser)],
    ['POST', /^\/v1\/auth\/session$/, authed(api.createSession)],
    ['GET', /^\/v1\/consent$/, authed(api.listConsents)],
    ['DELETE', /^\/v1\/consent\/([^/]+)$/, authed(api.revokeConsent)],
    ['GET', /^\/v1\/banking\/accounts$/, authed(api.bankingAccounts)],
    ['GET', /^\/v1\/banking\/balances$/, authed(api.bankingBalances)],
    ['GET', /^\/v1\/banking\/transactions$/, authed(api.bankingTransactions)],
    ['GET', /^\/v1\/energy\/accounts$/, authed(api.energyAccounts)],
    ['GET', /^\/v1\/energy\/usage$/, authed(api.energyUsage)],
    ['GET', /^\/sandbox\/sessions\/([^/]+)$/, authed(api.sessionState)],
    ['POST', /^\/sandbox\/sessions\/([^/]+)\/expire$/, authed(api.expireSession)],
    ['GET', /^\/sandbox\/webhooks$/, authed(api.webhookLog)],
    ['GET', /^\/hosted\/api\/sessions\/([^/]+)$/, ({ params }) => [200, hostedSession(params[0])]],
    [
      'POST',
      /^\/hosted\/api\/sessions\/([^/]+)\/(institution|login|otp|confirm|deny|cancel|close)$/,
      async ({ req, params }) => {
        const body = await readJson(req);
        return [200, flow[params[1]](liveSession(params[0]), body)];
      },
    ],
  ];

  /** @param {import('node:http').ServerResponse} res @param {string} file @param {Record<string, string>} [headers] */
  async function sendFile(res, file, headers = {}) {
    let text;
    try {
      text = await readFile(file);
    } catch {
      throw new ApiError(404, 'not_found', 'No such file.');
    }
    res.writeHead(200, {
      'content-type':
        TYPES[/** @type {keyof typeof TYPES} */ (path.extname(file))] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      ...headers,
    });
    res.end(text);
  }

  /** @param {import('node:http').ServerResponse} res */
  async function sendHostedPage(res) {
    const config = JSON.stringify({ app_origins: o.appOrigins }).replace(/</g, '\\u003c');
    const html = (await readFile(path.join(HOSTED_DIR, 'index.html'), 'utf8'))
      .replace(
        '<!--config-->',
        `<script type="application/json" id="sandbox-config">${config}</script>`,
      )
      .replace('<!--importmap-->', `<script type="importmap">${IMPORT_MAP}</script>`);
    /** @type {Record<string, string>} */
    const headers = {
      'content-type': TYPES['.html'],
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    if (o.appOrigins.length)
      headers['content-security-policy'] = `frame-ancestors 'self' ${o.appOrigins.join(' ')}`;
    res.writeHead(200, headers);
    res.end(html);
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {string} pathname */
  async function serveStatic(req, res, pathname) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new ApiError(405, 'method_not_allowed', `${req.method} is not allowed here.`);
    if (pathname === '/' || pathname === '/index.html') return sendHostedPage(res);
    if (pathname === '/complete' || pathname === '/cancel')
      return sendFile(res, path.join(HOSTED_DIR, 'return.html'));
    const m = /^\/(hosted|vendor)\/(.+)$/.exec(pathname);
    if (m && !pathname.includes('..') && /\.(js|css|svg)$/.test(pathname)) {
      if (m[1] === 'hosted') return sendFile(res, path.join(HOSTED_DIR, m[2]));
      const pkg = Object.keys(vendor).find((name) => m[2].startsWith(`${name}/`));
      if (pkg)
        return sendFile(
          res,
          path.join(vendor[/** @type {keyof typeof vendor} */ (pkg)], m[2].slice(pkg.length + 1)),
        );
    }
    throw new ApiError(404, 'not_found', `Nothing is served at ${pathname}.`);
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      throw new ApiError(400, 'invalid_request', 'The path is not valid.');
    }
    const matches = routes
      .map(([method, re, fn]) => ({ method, fn, m: re.exec(pathname) }))
      .filter((r) => r.m);
    if (matches.length === 0) {
      if (/^\/(v1|sandbox|hosted\/api)\//.test(pathname))
        throw new ApiError(404, 'not_found', `No route ${req.method} ${pathname}.`);
      return serveStatic(req, res, pathname);
    }
    const route = matches.find((r) => r.method === req.method);
    if (!route)
      throw new ApiError(
        405,
        'method_not_allowed',
        `${req.method} is not allowed on ${pathname}; use ${matches.map((r) => r.method).join(' or ')}.`,
      );
    const [status, body] = await route.fn({
      req,
      url,
      params: /** @type {RegExpExecArray} */ (route.m).slice(1),
    });
    sendJson(res, status, body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof ApiError) {
        if (e.status === 413) res.setHeader('connection', 'close');
        sendJson(res, e.status, {
          name: e.code,
          id: rid('err', 8),
          message: e.message,
          ...e.extra,
        });
      } else {
        log(`internal error on ${req.method} ${req.url}: ${e instanceof Error ? e.stack : e}`);
        sendJson(res, 500, {
          name: 'internal_error',
          id: rid('err', 8),
          message: 'The sandbox failed to handle this request.',
        });
      }
    });
  });
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 2_000;

  return {
    server,
    options: o,
    webhooks,
    get url() {
      return publicUrl;
    },
    /**
     * Starts listening (port 0: a free port). Resolves with the base URL.
     * @param {number} [port] @param {string} [host]
     */
    listen(port = o.port, host = o.host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
          const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
          publicUrl = `http://${h}:${addr.port}`;
          resolve(publicUrl);
        });
      });
    },
    /** Stops serving and drops pending webhook retries. */
    close() {
      webhooks.close();
      return new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
    },
  };
}
