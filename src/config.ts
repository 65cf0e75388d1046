/** Fiskil's hosted flow, used when `auth-server` is not set. */
export const DEFAULT_AUTH_SERVER = 'https://auth.fiskil.com';

/** Ten minutes, as the official SDK. */
export const DEFAULT_TIMEOUT = 600_000;

/** How long the hosted page may take to load before the user is offered "Try again". */
export const DEFAULT_LOAD_TIMEOUT = 15_000;

// setTimeout stores its delay as a signed 32-bit int: anything longer fires at once.
const MAX_TIMEOUT = 2_147_483_647;

// Long enough for any real value; a longer one is a mistake or an attack, and
// would only make a URL the browser refuses to load.
const MAX_URL_LENGTH = 2048;
const MAX_SESSION_ID_LENGTH = 1024;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A validated flow configuration, or why it is not one. */
export type FlowConfig =
  | {
      ok: true;
      sessionId: string;
      authServer: URL;
      allowedOrigin: string;
      timeout: number;
      loadTimeout: number;
    }
  | { ok: false; message: string };

type Checked<T> = { value: T } | { error: string };

function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}

const SECURE_RULE = 'https:, or http: on localhost, 127.0.0.1 or [::1] for local development';

/** A property's value as text; `undefined` when it is not text (a symbol, a function, a throwing `toString`). */
function toText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'symbol' || typeof value === 'function') return undefined;
  try {
    return String(value);
  } catch {
    return undefined;
  }
}

/** The session id a value stands for, trimmed; `undefined` when it cannot be read as text. */
export function readSessionId(value: unknown): string | undefined {
  return toText(value)?.trim();
}

function parseSecureUrl(value: string): Checked<URL> {
  if (value.length > MAX_URL_LENGTH)
    return { error: `must be at most ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: 'is not an absolute URL' };
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopback) return { error: `must use ${SECURE_RULE}` };
  if (url.username || url.password) return { error: 'must not contain credentials' };
  return { value: url };
}

function checkAuthServer(raw: string | undefined): Checked<URL> {
  if (raw === undefined) return { error: 'Invalid auth-server: it must be a string.' };
  const checked = parseSecureUrl(raw.trim() || DEFAULT_AUTH_SERVER);
  if ('error' in checked) return { error: `Invalid auth-server ${quote(raw)}: ${checked.error}.` };
  return checked;
}

function checkAllowedOrigin(raw: string | undefined, authServer: URL): Checked<string> {
  if (raw === undefined) return { error: 'Invalid allowed-origin: it must be a string.' };
  const value = raw.trim();
  if (value === '') return { value: authServer.origin };
  const invalid = (why: string) => ({
    error: `Invalid allowed-origin ${quote(raw)}: ${why}. It must be one origin (scheme://host[:port]), never "*".`,
  });
  if (value.includes('*')) return invalid('a wildcard would accept pages you do not know');
  const checked = parseSecureUrl(value);
  if ('error' in checked) return invalid(checked.error);
  // An origin has no path, query or fragment; tolerate only the trailing slash URL#href adds.
  if (checked.value.href !== `${checked.value.origin}/` || /[?#]/.test(value)) {
    return invalid('a path, query or fragment is not part of an origin');
  }
  return { value: checked.value.origin };
}

function checkTimeout(timeout: unknown, name = 'timeout'): Checked<number> {
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    return {
      error: `Invalid ${name} ${quote(toText(timeout) ?? typeof timeout)}: must be a positive number of milliseconds.`,
    };
  }
  if (timeout > MAX_TIMEOUT) {
    return {
      error: `Invalid ${name} ${quote(toText(timeout) ?? typeof timeout)}: must be at most ${MAX_TIMEOUT} ms (about 24 days).`,
    };
  }
  return { value: timeout };
}

/** The origin of `auth-server` when it is allowed, else `null`. */
export function authServerOrigin(raw: unknown): string | null {
  const checked = checkAuthServer(toText(raw));
  return 'error' in checked ? null : checked.value.origin;
}

function checkSessionId(value: unknown): Checked<string> {
  const id = readSessionId(value);
  if (id === undefined) return { error: 'Invalid session-id: it must be a string.' };
  if (id.length > MAX_SESSION_ID_LENGTH) {
    return {
      error: `Invalid session-id ${quote(id)}: must be at most ${MAX_SESSION_ID_LENGTH} characters.`,
    };
  }
  return { value: id };
}

/** Checks what the element's attributes say, without loading anything. */
export function resolveConfig(input: {
  sessionId?: unknown;
  authServer: unknown;
  allowedOrigin: unknown;
  timeout: unknown;
  loadTimeout: unknown;
}): FlowConfig {
  const sessionId = checkSessionId(input.sessionId);
  if ('error' in sessionId) return { ok: false, message: sessionId.error };
  const authServer = checkAuthServer(toText(input.authServer));
  if ('error' in authServer) return { ok: false, message: authServer.error };
  const allowedOrigin = checkAllowedOrigin(toText(input.allowedOrigin), authServer.value);
  if ('error' in allowedOrigin) return { ok: false, message: allowedOrigin.error };
  const timeout = checkTimeout(input.timeout);
  if ('error' in timeout) return { ok: false, message: timeout.error };
  const loadTimeout = checkTimeout(input.loadTimeout, 'load-timeout');
  if ('error' in loadTimeout) return { ok: false, message: loadTimeout.error };
  return {
    ok: true,
    sessionId: sessionId.value,
    authServer: authServer.value,
    allowedOrigin: allowedOrigin.value,
    timeout: timeout.value,
    loadTimeout: loadTimeout.value,
  };
}

/** The hosted flow's URL: `auth-server` with `sess_id` set, its own path and query kept. */
export function buildAuthUrl(authServer: URL, sessionId: string): string {
  const url = new URL(authServer.href);
  url.searchParams.set('sess_id', sessionId);
  return url.href;
}
