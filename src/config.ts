/** Fiskil's hosted flow, used when `auth-server` is not set. */
export const DEFAULT_AUTH_SERVER = 'https://auth.fiskil.com';

/** Ten minutes, as the official SDK. */
export const DEFAULT_TIMEOUT = 600_000;

// setTimeout stores its delay as a signed 32-bit int: anything longer fires at once.
const MAX_TIMEOUT = 2_147_483_647;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A validated flow configuration, or why it is not one. */
export type FlowConfig =
  | { ok: true; authServer: URL; allowedOrigin: string; timeout: number }
  | { ok: false; message: string };

type Checked<T> = { value: T } | { error: string };

function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}

const SECURE_RULE = 'https:, or http: on localhost, 127.0.0.1 or [::1] for local development';

function parseSecureUrl(value: string): Checked<URL> {
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

function checkAuthServer(raw: string): Checked<URL> {
  const checked = parseSecureUrl(raw.trim() || DEFAULT_AUTH_SERVER);
  if ('error' in checked) return { error: `Invalid auth-server ${quote(raw)}: ${checked.error}.` };
  return checked;
}

function checkAllowedOrigin(raw: string, authServer: URL): Checked<string> {
  const value = raw.trim();
  if (value === '') return { value: authServer.origin };
  const invalid = (why: string) => ({
    error: `Invalid allowed-origin ${quote(raw)}: ${why}. It must be one origin (scheme://host[:port]), never "*".`,
  });
  if (value === '*') return invalid('a wildcard would accept any page');
  const checked = parseSecureUrl(value);
  if ('error' in checked) return invalid(checked.error);
  // An origin has no path, query or fragment; tolerate only the trailing slash URL#href adds.
  if (checked.value.href !== `${checked.value.origin}/` || /[?#]/.test(value)) {
    return invalid('a path, query or fragment is not part of an origin');
  }
  return { value: checked.value.origin };
}

function checkTimeout(timeout: unknown): Checked<number> {
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    return {
      error: `Invalid timeout ${quote(String(timeout))}: must be a positive number of milliseconds.`,
    };
  }
  if (timeout > MAX_TIMEOUT) {
    return {
      error: `Invalid timeout ${quote(String(timeout))}: must be at most ${MAX_TIMEOUT} ms (about 24 days).`,
    };
  }
  return { value: timeout };
}

/** The origin of `auth-server` when it is allowed, else `null`. */
export function authServerOrigin(raw: unknown): string | null {
  const checked = checkAuthServer(String(raw ?? ''));
  return 'error' in checked ? null : checked.value.origin;
}

/** Checks what the element's attributes say, without loading anything. */
export function resolveConfig(input: {
  authServer: unknown;
  allowedOrigin: unknown;
  timeout: unknown;
}): FlowConfig {
  const authServer = checkAuthServer(String(input.authServer ?? ''));
  if ('error' in authServer) return { ok: false, message: authServer.error };
  const allowedOrigin = checkAllowedOrigin(String(input.allowedOrigin ?? ''), authServer.value);
  if ('error' in allowedOrigin) return { ok: false, message: allowedOrigin.error };
  const timeout = checkTimeout(input.timeout);
  if ('error' in timeout) return { ok: false, message: timeout.error };
  return {
    ok: true,
    authServer: authServer.value,
    allowedOrigin: allowedOrigin.value,
    timeout: timeout.value,
  };
}

/** The hosted flow's URL: `auth-server` with `sess_id` set, its own path and query kept. */
export function buildAuthUrl(authServer: URL, sessionId: string): string {
  const url = new URL(authServer.href);
  url.searchParams.set('sess_id', sessionId);
  return url.href;
}
