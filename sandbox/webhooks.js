// @ts-check
// Webhook delivery. The signing scheme is the sandbox's own (Fiskil's real scheme is
// not public): `Fiskil-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed by
// the webhook secret>`. Failed deliveries are retried with exponential backoff.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';

export const SIGNATURE_HEADER = 'fiskil-signature';

/**
 * @param {string} body the raw request body, exactly as sent
 * @param {string} secret
 */
export const sign = (body, secret) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Checks a delivery's signature in constant time. For integrators' webhook receivers.
 * @param {string | Buffer} body the raw request body
 * @param {string | undefined | null} header the `Fiskil-Signature` header
 * @param {string} secret
 */
export function verifySignature(body, header, secret) {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(sign(body.toString(), secret));
  const got = Buffer.from(header);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/**
 * @typedef {{ at: string; status?: number; error?: string }} Attempt
 * @typedef {{ id: string; message_id: string; type: string; url: string; status: 'pending' | 'delivered' | 'failed'; attempts: Attempt[]; payload: object }} Delivery
 */

/**
 * @param {{ url?: string; secret: string; maxAttempts: number; retryBaseMs: number; maxLog: number; timeoutMs: number; log: (line: string) => void }} opts
 */
export function createWebhooks(opts) {
  /** @type {Delivery[]} */
  const deliveries = [];
  /** @type {Set<NodeJS.Timeout>} */
  const timers = new Set();
  let closed = false;
  /** Emits 'settled' (delivery) once a delivery is delivered or given up. */
  const events = new EventEmitter();

  /** @param {Delivery} d @param {string} body */
  async function attempt(d, body) {
    if (closed) return;
    /** @type {Attempt} */
    const a = { at: new Date().toISOString() };
    d.attempts.push(a);
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: sign(body, opts.secret),
        },
        body,
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      a.status = res.status;
      await res.body?.cancel();
      if (res.ok) {
        d.status = 'delivered';
        opts.log(
          `webhook ${d.type} ${d.message_id} → ${d.url}: ${res.status} (attempt ${d.attempts.length})`,
        );
        events.emit('settled', d);
        return;
      }
    } catch (e) {
      a.error = e instanceof Error ? e.message : String(e);
    }
    const why = a.error ?? `HTTP ${a.status}`;
    if (d.attempts.length >= opts.maxAttempts) {
      d.status = 'failed';
      opts.log(
        `webhook ${d.type} ${d.message_id} → ${d.url}: ${why}; gave up after ${d.attempts.length} attempts`,
      );
      events.emit('settled', d);
      return;
    }
    const delay = opts.retryBaseMs * 2 ** (d.attempts.length - 1);
    opts.log(`webhook ${d.type} ${d.message_id} → ${d.url}: ${why}; retrying in ${delay} ms`);
    schedule(() => attempt(d, body), delay);
  }

  /** @param {() => void} fn @param {number} ms */
  function schedule(fn, ms) {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  }

  return {
    deliveries,
    events,
    /**
     * Queues one event for delivery (no-op without a webhook URL).
     * @param {string} type
     * @param {object} data
     */
    send(type, data) {
      if (!opts.url || closed) return undefined;
      const payload = {
        message_id: `msg_${randomUUID()}`,
        type,
        created_at: new Date().toISOString(),
        data,
      };
      /** @type {Delivery} */
      const d = {
        id: payload.message_id,
        message_id: payload.message_id,
        type,
        url: opts.url,
        status: 'pending',
        attempts: [],
        payload,
      };
      deliveries.push(d);
      if (deliveries.length > opts.maxLog) deliveries.splice(0, deliveries.length - opts.maxLog);
      const body = JSON.stringify(payload);
      schedule(() => attempt(d, body), 0);
      return d;
    },
    close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
