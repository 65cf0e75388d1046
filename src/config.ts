/** Fiskil's hosted flow, used when `auth-server` is not set. */
export const DEFAULT_AUTH_SERVER = 'https://auth.fiskil.com';

/** Ten minutes, as the official SDK. */
export const DEFAULT_TIMEOUT = 600_000;

/** How long the hosted page may take to load before the user is offered "Try again". */
export const DEFAULT_LOAD_TIMEOUT = 15_000;

// setTimeout stores its delay as a signed 32-bit int: anything longer fires at once.
const MAX_TIMEOUT = 2_147_483_647;

// Long enough for any real URL or session id; a longer one is a mistake or an
// attack, and would only make a URL the browser refuses to load.
const MAX_LENGTH = 2048;

/** A validated flow configuration, or the rule a value broke. */
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

class ConfigError extends Error {}

function fail(name: string, value: string, rule: string): never {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  throw new ConfigError(`Invalid ${name}${value ? ` ${JSON.stringify(shown)}` : ''}: ${rule}.`);
}

/** A property's value as trimmed text; symbols, functions and throwing `toString`s are not text. */
function text(name: string, value: unknown): string {
  if (value == null) return '';
  if (typeof value != 'symbol' && typeof value != 'function') {
    try {
      return String(value).trim();
    } catch {
      // falls through to the error below
    }
  }
  return fail(name, '', 'it must be a string');
}

/**
 * Hosts a browser counts as potentially trustworthy over plain `http:`
 * (https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy):
 * `localhost`, `*.localhost`, 127.0.0.0/8 and `[::1]`. `URL` has already
 * normalised IPv4 to four decimal parts, so `127.0.0.1.example.com` cannot pass.
 */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(hostname);
}

function secureUrl(name: string, value: string): URL {
  if (value.length > MAX_LENGTH) fail(name, value, `must be at most ${MAX_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(name, value, 'must be an absolute URL');
  }
  if (url.protocol != 'https:' && !(url.protocol == 'http:' && isLoopbackHost(url.hostname))) {
    fail(name, value, 'must be https:, or http: on a loopback host (localhost, 127.0.0.1, [::1])');
  }
  if (url.username || url.password) fail(name, value, 'must not contain credentials');
  return url;
}

function allowedOrigin(value: string, authServer: URL): string {
  if (!value) return authServer.origin;
  const rule = 'must be one origin (scheme://host[:port]), never "*"';
  if (value.includes('*')) fail('allowed-origin', value, rule);
  const url = secureUrl('allowed-origin', value);
  // An origin has no path, query or fragment; only the trailing slash `href` adds is tolerated.
  if (url.href != `${url.origin}/` || /[?#]/.test(value)) fail('allowed-origin', value, rule);
  return url.origin;
}

function milliseconds(name: string, value: unknown): number {
  if (typeof value != 'number' || !(value > 0 && value <= MAX_TIMEOUT)) {
    let shown = '';
    try {
      shown = String(value);
    } catch {
      // a revoked proxy: named by the rule alone
    }
    fail(name, shown, `must be a positive number of milliseconds, at most ${MAX_TIMEOUT}`);
  }
  return value;
}

/** What an attribute holding milliseconds stands for: absent is the default, blank is invalid. */
export function parseMilliseconds(value: string | null, fallback: number): number {
  return value === null ? fallback : value.trim() ? Number(value) : NaN;
}

/** The converter of an attribute holding milliseconds (`timeout`, `load-timeout`). */
export const msAttribute = (fallback: number) => ({
  fromAttribute: (value: string | null) => parseMilliseconds(value, fallback),
});

/** The session id a value stands for, trimmed; `undefined` when it cannot be read as text. */
export function readSessionId(value: unknown): string | undefined {
  try {
    return text('session-id', value);
  } catch {
    return undefined;
  }
}

/** The origin of `auth-server` when it is allowed, else `null`. */
export function authServerOrigin(value: unknown): string | null {
  try {
    return secureUrl('auth-server', text('auth-server', value) || DEFAULT_AUTH_SERVER).origin;
  } catch {
    return null;
  }
}

/**
 * Checks what the element's attributes say, without loading anything. The
 * session id is `sessionId`, the one read by `readSessionId` (so a flow loads
 * the id its element compared), else read from `input`.
 */
export function resolveConfig(
  input: {
    sessionId?: unknown;
    authServer: unknown;
    allowedOrigin: unknown;
    timeout: unknown;
    loadTimeout: unknown;
  },
  read: string | undefined = readSessionId(input.sessionId),
): FlowConfig {
  try {
    const sessionId = read ?? fail('session-id', '', 'it must be a string');
    if (sessionId.length > MAX_LENGTH) {
      fail('session-id', sessionId, `must be at most ${MAX_LENGTH} characters`);
    }
    const authServer = secureUrl(
      'auth-server',
      text('auth-server', input.authServer) || DEFAULT_AUTH_SERVER,
    );
    return {
      ok: true,
      sessionId,
      authServer,
      allowedOrigin: allowedOrigin(text('allowed-origin', input.allowedOrigin), authServer),
      timeout: milliseconds('timeout', input.timeout),
      loadTimeout: milliseconds('load-timeout', input.loadTimeout),
    };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The hosted flow's URL: `auth-server` with `sess_id` set, its own path and query kept. */
export function buildAuthUrl(authServer: URL, sessionId: string): string {
  const url = new URL(authServer.href);
  url.searchParams.set('sess_id', sessionId);
  return url.href;
}
