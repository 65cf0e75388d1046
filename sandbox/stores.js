// @ts-check
// The sandbox's state, in memory and bounded, so a long test run cannot grow it without end.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError } from './http.js';

/**
 * A Map that keeps at most `max` entries, dropping the oldest.
 * @template V
 * @param {number} max
 */
export function boundedMap(max) {
  /** @type {Map<string, V>} */
  const map = new Map();
  return Object.assign(map, {
    /** @param {string} key @param {V} value */
    put(key, value) {
      map.set(key, value);
      while (map.size > max) map.delete(/** @type {string} */ (map.keys().next().value));
    },
  });
}

/**
 * Throws 429 when a store that refuses (rather than drops) is full.
 * @param {Map<string, unknown>} map @param {number} max @param {string} what
 */
export function assertRoom(map, max, what) {
  if (map.size >= max)
    throw new ApiError(
      429,
      'sandbox_limit_reached',
      `The sandbox holds too many ${what}: restart it for a clean state.`,
    );
}

/**
 * Bearer tokens. Each carries a MAC of the sandbox's own, so a token dropped by the
 * limit is still known as one the sandbox issued, and answers `token_expired` (get a
 * new one) rather than "not valid".
 * @param {{ ttlSeconds: number; max: number }} opts
 */
export function createTokenStore(opts) {
  const key = randomBytes(32);
  /** @type {ReturnType<typeof boundedMap<number>>} token → expiry (ms) */
  const live = boundedMap(opts.max);
  const mac = (/** @type {string} */ nonce) =>
    createHmac('sha256', key).update(nonce).digest('hex').slice(0, 24);
  /** @param {string} token */
  const issuedHere = (token) => {
    const m = /^sbx_tok_([0-9a-f]{32})_([0-9a-f]{24})$/.exec(token);
    return m !== null && timingSafeEqual(Buffer.from(mac(m[1])), Buffer.from(m[2]));
  };
  return {
    issue() {
      const nonce = randomBytes(16).toString('hex');
      const token = `sbx_tok_${nonce}_${mac(nonce)}`;
      live.put(token, Date.now() + opts.ttlSeconds * 1000);
      return token;
    },
    /** @param {string} token @returns {'valid' | 'expired' | 'unknown'} */
    check(token) {
      const exp = live.get(token);
      if (exp === undefined) return issuedHere(token) ? 'expired' : 'unknown';
      if (Date.now() < exp) return 'valid';
      live.delete(token);
      return 'expired';
    },
  };
}
