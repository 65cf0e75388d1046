// @ts-check
// The sandbox's options and test users: what a developer can change, and the fixed
// credentials every test and walkthrough uses (sandbox/README.md, "Test credentials").
import { checkFault } from './faults.js';
import { INSTITUTIONS } from './institutions.js';
import { parseSecret } from './signing.js';

/** Usernames that steer the hosted flow to one outcome each; all take TEST_PASSWORD. */
export const TEST_USERS = Object.freeze({
  user_good: 'good',
  user_questions: 'questions',
  user_ineligible: 'ineligible',
  user_consent_timeout: 'timeout',
  user_silent: 'silent',
});
export const TEST_PASSWORD = 'pass_good';
export const TEST_OTP = '123456';
export const OTP_ATTEMPTS = 3;
export const SECURITY_QUESTION = 'What is the name of the company that built this sandbox?';
export const SECURITY_ANSWER = 'fiskil';
export const QUESTION_ATTEMPTS = 3;

/** @typedef {'banking' | 'energy'} Industry */

/**
 * @typedef {object} SandboxOptions
 * @property {string} host loopback address to bind
 * @property {number} port port to listen on (0: a free one)
 * @property {string} clientId what `POST /v1/token` accepts
 * @property {string} clientSecret
 * @property {string | undefined} webhookUrl where webhooks are POSTed (none: no webhooks)
 * @property {string} webhookSecret Standard Webhooks secret, `whsec_<base64>`
 * @property {string} appName shown on the hosted pages
 * @property {string | undefined} appLogo an http(s) URL of the app's logo
 * @property {string | undefined} brandColor the hosted pages' accent, `#rrggbb`
 * @property {string} purpose why the app asks, on the consent screen
 * @property {string[]} appOrigins origins allowed to embed the flow; empty: any
 * @property {Industry[]} industries which industries' institutions are offered
 * @property {string[] | undefined} institutions which institutions are offered, by id (none: all of those industries)
 * @property {number} consentDays how long a consent lasts, in days (fractions allowed, for tests)
 * @property {number} tokenTtlSeconds
 * @property {number} sessionTtlSeconds
 * @property {number} requestTimeoutMs a request (headers and body) must arrive within this
 * @property {number} maxBodyBytes
 * @property {number} maxTokens tokens kept; the oldest beyond it is dropped (and answers token_expired)
 * @property {number} maxEndUsers
 * @property {number} maxSessions
 * @property {number} maxConsents
 * @property {number} webhookMaxAttempts
 * @property {number} webhookRetryBaseMs
 * @property {number} webhookTimeoutMs
 * @property {number} maxWebhookLog
 * @property {import('./faults.js').FaultSpec[]} faults faults in force from the start (faults.js)
 * @property {(line: string) => void} log
 */

/** @type {Readonly<SandboxOptions>} */
export const DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 4010,
  clientId: 'sandbox_client_id',
  clientSecret: 'sandbox_client_secret',
  webhookUrl: undefined,
  // base64 of "fiskil-link-sandbox-secret"
  webhookSecret: 'whsec_Zmlza2lsLWxpbmstc2FuZGJveC1zZWNyZXQ=',
  appName: 'Sandbox App',
  appLogo: undefined,
  brandColor: undefined,
  purpose: 'To show your accounts, balances and spending in one place.',
  appOrigins: [],
  industries: /** @type {Industry[]} */ (['banking', 'energy']),
  institutions: undefined,
  consentDays: 365,
  tokenTtlSeconds: 3600,
  sessionTtlSeconds: 5 * 24 * 3600,
  requestTimeoutMs: 15_000,
  maxBodyBytes: 64 * 1024,
  maxTokens: 1000,
  maxEndUsers: 10_000,
  maxSessions: 10_000,
  maxConsents: 10_000,
  webhookMaxAttempts: 5,
  webhookRetryBaseMs: 1000,
  webhookTimeoutMs: 5000,
  maxWebhookLog: 500,
  faults: [],
  log: (line) => console.log(`[sandbox] ${line}`),
});

/** @param {string} name @param {string} why */
const bad = (name, why) => new TypeError(`createSandbox: option "${name}" ${why}`);

/** @param {unknown} v */
const isHttpUrl = (v) => {
  try {
    return typeof v === 'string' && /^https?:$/.test(new URL(v).protocol);
  } catch {
    return false;
  }
};

/**
 * Merges `options` over DEFAULTS (undefined means "the default") and checks them,
 * so a typo fails at start-up with the option's name rather than mid-flow.
 * @param {Partial<SandboxOptions>} options
 * @returns {SandboxOptions}
 */
export function resolveOptions(options) {
  /** @type {SandboxOptions} */
  const o = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  };
  if (o.webhookUrl !== undefined && !isHttpUrl(o.webhookUrl))
    throw bad('webhookUrl', 'must be an http(s) URL');
  if (o.appLogo !== undefined && !isHttpUrl(o.appLogo))
    throw bad('appLogo', 'must be an http(s) URL');
  if (o.brandColor !== undefined && !/^#[0-9a-f]{6}$/i.test(o.brandColor))
    throw bad('brandColor', 'must be a colour as #rrggbb');
  parseSecret(o.webhookSecret);
  if (
    !Array.isArray(o.industries) ||
    o.industries.length === 0 ||
    o.industries.some((i) => i !== 'banking' && i !== 'energy')
  )
    throw bad('industries', 'must list "banking", "energy" or both');
  if (o.institutions !== undefined) {
    const known = INSTITUTIONS.map((i) => i.id);
    const unknown = Array.isArray(o.institutions)
      ? o.institutions.filter((id) => !known.includes(id))
      : ['(not an array)'];
    if (unknown.length)
      throw bad(
        'institutions',
        `has unknown ids ${unknown.join(', ')}; known: ${known.join(', ')}`,
      );
    if (!INSTITUTIONS.some((i) => o.institutions?.includes(i.id) && o.industries.includes(i.type)))
      throw bad('institutions', 'leaves no institution of the chosen industries');
  }
  if (!(typeof o.consentDays === 'number' && o.consentDays >= 0 && o.consentDays <= 366 * 3))
    throw bad('consentDays', 'must be a number of days from 0 to 1098');
  for (const key of /** @type {const} */ ([
    'tokenTtlSeconds',
    'sessionTtlSeconds',
    'requestTimeoutMs',
    'maxBodyBytes',
    'maxTokens',
    'maxEndUsers',
    'maxSessions',
    'maxConsents',
    'webhookMaxAttempts',
    'webhookRetryBaseMs',
    'webhookTimeoutMs',
    'maxWebhookLog',
  ]))
    if (!Number.isInteger(o[key]) || o[key] < 0) throw bad(key, 'must be a whole number ≥ 0');
  if (!Array.isArray(o.faults)) throw bad('faults', 'must be an array');
  for (const f of o.faults) {
    try {
      checkFault(f);
    } catch (e) {
      throw bad('faults', `has one that is wrong: ${e instanceof Error ? e.message : e}`);
    }
  }
  if (o.appName.trim() === '' || o.appName.length > 80)
    throw bad('appName', 'must be 1 to 80 characters');
  if (o.purpose.trim() === '' || o.purpose.length > 300)
    throw bad('purpose', 'must be 1 to 300 characters');
  return o;
}
