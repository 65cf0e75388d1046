// @ts-check
// Webhook signatures in the Standard Webhooks scheme (standardwebhooks.com), so an
// integrator can verify the sandbox's deliveries with an off-the-shelf library:
//   webhook-id: msg_…   webhook-timestamp: <unix seconds>
//   webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">
// keyed by the base64-decoded part of the secret after "whsec_". The timestamp is
// signed, so a delivery replayed later is refused by its age.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const ID_HEADER = 'webhook-id';
export const TIMESTAMP_HEADER = 'webhook-timestamp';
export const SIGNATURE_HEADER = 'webhook-signature';
/** How old (or how far in the future) a delivery may be, as the Standard Webhooks libraries allow. */
export const TOLERANCE_SECONDS = 5 * 60;

/**
 * The HMAC key of a `whsec_<base64>` secret.
 * @param {string} secret
 */
export function parseSecret(secret) {
  const m = typeof secret === 'string' ? /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret) : null;
  const key = m ? Buffer.from(m[1], 'base64') : Buffer.alloc(0);
  if (key.length < 8 || key.toString('base64') !== m?.[1])
    throw new TypeError(
      'The webhook secret must be "whsec_" and at least 8 bytes in base64, e.g. whsec_' +
        Buffer.from('my-webhook-secret').toString('base64'),
    );
  return key;
}

/**
 * The `webhook-signature` value for one delivery.
 * @param {string} id the `webhook-id`
 * @param {number} timestamp the `webhook-timestamp`, unix seconds
 * @param {string} body the raw body, exactly as sent
 * @param {string} secret `whsec_<base64>`
 */
export function sign(id, timestamp, body, secret) {
  const mac = createHmac('sha256', parseSecret(secret))
    .update(`${id}.${timestamp}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/** @param {Headers | Record<string, string | string[] | undefined>} headers @param {string} name */
function header(headers, name) {
  const v =
    typeof (/** @type {Headers} */ (headers).get) === 'function'
      ? /** @type {Headers} */ (headers).get(name)
      : /** @type {Record<string, string | string[] | undefined>} */ (headers)[name];
  return Array.isArray(v) ? v[0] : (v ?? undefined);
}

/**
 * Checks a delivery as an integrator's webhook receiver should: the signature over
 * the raw body, in constant time, and a timestamp within five minutes of now.
 * @param {string | Buffer} body the raw request body, before any JSON parsing
 * @param {Headers | Record<string, string | string[] | undefined>} headers the request's headers (Node's `req.headers` or a fetch `Headers`)
 * @param {string} secret `whsec_<base64>`
 * @param {{ now?: number; toleranceSeconds?: number }} [opts] `now` in unix seconds, for tests
 * @returns {boolean}
 */
export function verifySignature(body, headers, secret, opts = {}) {
  const id = header(headers, ID_HEADER);
  const ts = header(headers, TIMESTAMP_HEADER);
  const sigs = header(headers, SIGNATURE_HEADER);
  if (!id || !ts || !sigs || !/^\d{1,12}$/.test(ts)) return false;
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(ts)) > (opts.toleranceSeconds ?? TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(sign(id, Number(ts), body.toString(), secret));
  // The header may carry several space-separated signatures (during a secret rotation).
  return sigs.split(' ').some((s) => {
    const got = Buffer.from(s);
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}
