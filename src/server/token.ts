// The bearer token: fetched on first use, kept until shortly before it
// expires, one request in flight however many callers wait for it.

/** What `POST /v1/token` answered, reduced to what the client needs. */
export interface IssuedToken {
  token: string;
  /** Seconds the token lives. */
  expiresIn: number;
}

/**
 * Fiskil's pages disagree on the token answer: `{ token }`, `{ token,
 * token_type, expires_in: 900 }` and `{ access_token, token_type, expires_in:
 * 3600 }` all appear. Each is accepted; with no lifetime, the shortest one
 * documented is assumed, so the token is never used past its end.
 */
export const SHORTEST_DOCUMENTED_LIFETIME_S = 900;

/** The token in an answer of any documented shape, or null when there is none. */
export function readTokenAnswer(body: unknown): IssuedToken | null {
  if (typeof body !== 'object' || body === null) return null;
  const {
    token,
    access_token: accessToken,
    expires_in: expiresIn,
  } = body as Record<string, unknown>;
  const value = typeof accessToken === 'string' && accessToken ? accessToken : token;
  if (typeof value !== 'string' || value === '') return null;
  const seconds = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn;
  return {
    token: value,
    expiresIn:
      typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
        ? seconds
        : SHORTEST_DOCUMENTED_LIFETIME_S,
  };
}

/** How long before its end a token is replaced: a minute, or a tenth of a short lifetime. */
export function renewalMargin(expiresInSeconds: number): number {
  return Math.min(60, expiresInSeconds / 10);
}

export interface TokenCache {
  /** A token valid for a while yet; concurrent callers share one request. */
  get(): Promise<string>;
  /** Forgets `token` (the API refused it), unless a newer one has replaced it already. */
  drop(token: string): void;
}

export function createTokenCache(
  issue: () => Promise<IssuedToken>,
  now: () => number = Date.now,
): TokenCache {
  let current: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return {
    get() {
      if (current && now() < current.renewAt) return Promise.resolve(current.token);
      pending ??= issue()
        .then(({ token, expiresIn }) => {
          current = { token, renewAt: now() + (expiresIn - renewalMargin(expiresIn)) * 1000 };
          return token;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    drop(token) {
      if (current?.token === token) current = undefined;
    },
  };
}
