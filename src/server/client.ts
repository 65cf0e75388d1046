// createFiskilClient: one object holding the credentials, the token and the
// resources, for the calls an integrator's backend makes around <fiskil-link>.
import { createAuthSessions, type AuthSession, type AuthSessions } from './auth-sessions.js';
import { createConsents, type Consents } from './consents.js';
import { createEndUsers, type EndUsers } from './end-users.js';
import { FiskilApiError } from './errors.js';
import { assertServerRuntime } from './runtime-guard.js';
import { createTokenCache, readTokenAnswer } from './token.js';
import { createTransport } from './transport.js';

export const DEFAULT_BASE_URL = 'https://api.fiskil.com';
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RETRIES = 2;

export interface FiskilClientOptions {
  clientId: string;
  clientSecret: string;
  /** Fiskil's API; the sandbox's URL in development. Default `https://api.fiskil.com`. */
  baseUrl?: string | undefined;
  /** The `fetch` to call with; the runtime's own by default. */
  fetch?: typeof fetch;
  /** Milliseconds each attempt of a call may take before it fails as `timeout`. Default 10000. */
  timeout?: number;
  /** Retries of a 429 or 5xx answer to the token request and to reads. Default 2. */
  maxRetries?: number;
}

export type LinkSessionUser = { email: string; name?: string } | { endUserId: string };

export interface LinkSessionRequest {
  /** The signed-in person: made an end user (or found, when Fiskil has their email), or an end user you already have. */
  user: LinkSessionUser;
  institutionId?: string;
  permissions?: string[];
}

export interface LinkSession extends AuthSession {
  /** Keep it beside your user: consents are listed and data read by it. */
  endUserId: string;
}

export interface FiskilClient {
  endUsers: EndUsers;
  authSessions: AuthSessions;
  consents: Consents;
  /** The end user (ensured) and an auth session for them, in one call. */
  createLinkSession(request: LinkSessionRequest): Promise<LinkSession>;
}

/** The most recent tokens, kept only to remove them from error text. */
const TOKENS_REMEMBERED = 4;

const bad = (name: string, why: string) =>
  new TypeError(`createFiskilClient: option "${name}" ${why}`);

/**
 * The credentials are checked when the first token is asked for, not when the
 * client is made: a framework's build imports server modules without the
 * runtime's environment (Next.js collects route data so), and a client made at
 * module scope from unset variables must not fail that build.
 */
function checkCredentials({ clientId, clientSecret }: FiskilClientOptions): void {
  if (typeof clientId !== 'string' || clientId === '')
    throw bad('clientId', 'must be a non-empty string (is its environment variable set?)');
  if (typeof clientSecret !== 'string' || clientSecret === '')
    throw bad('clientSecret', 'must be a non-empty string (is its environment variable set?)');
}

function checkOptions(o: FiskilClientOptions): void {
  if (typeof o !== 'object' || o === null) throw bad('options', 'must be an object');
  if (o.baseUrl !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(o.baseUrl).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'https:' && protocol !== 'http:')
      throw bad('baseUrl', 'must be an http(s) URL');
  }
  if (o.timeout !== undefined && !(Number.isFinite(o.timeout) && o.timeout > 0))
    throw bad('timeout', 'must be a number of milliseconds above 0');
  if (o.maxRetries !== undefined && !(Number.isInteger(o.maxRetries) && o.maxRetries >= 0))
    throw bad('maxRetries', 'must be a whole number ≥ 0');
  if ((o.fetch ?? globalThis.fetch) === undefined)
    throw bad('fetch', 'is needed: this runtime has no global fetch');
}

/** A client for Fiskil's API. Keep one per process: it caches the token. */
export function createFiskilClient(options: FiskilClientOptions): FiskilClient {
  assertServerRuntime();
  checkOptions(options);
  const { clientId, clientSecret } = options;
  const recentTokens: string[] = [];
  const http = createTransport({
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    // Looked up at each call, so a fetch a test or an instrumentation installs later is used.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeout ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    secrets: () => [clientSecret, ...recentTokens],
  });
  const tokens = createTokenCache(async () => {
    checkCredentials(options);
    const body = await http.request({
      method: 'POST',
      path: '/v1/token',
      body: { client_id: clientId, client_secret: clientSecret },
      retries: true,
    });
    const issued = readTokenAnswer(body);
    if (!issued)
      throw new FiskilApiError({
        call: 'POST /v1/token',
        status: 200,
        code: 'invalid_response',
        detail: 'no token or access_token in the answer',
      });
    recentTokens.unshift(issued.token);
    recentTokens.length = Math.min(recentTokens.length, TOKENS_REMEMBERED);
    return issued;
  });
  const endUsers = createEndUsers(http, tokens);
  const authSessions = createAuthSessions(http, tokens);
  const consents = createConsents(http, tokens);
  return {
    endUsers,
    authSessions,
    consents,
    async createLinkSession({ user, institutionId, permissions }) {
      const endUserId =
        'endUserId' in user
          ? user.endUserId
          : (await endUsers.ensure({ email: user.email, name: user.name })).endUserId;
      const session = await authSessions.create({ endUserId, institutionId, permissions });
      return { ...session, endUserId };
    },
  };
}
