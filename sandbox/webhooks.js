// @ts-check
// Webhook delivery: each event is POSTed as JSON, signed (signing.js), and retried with
// exponential backoff under the same webhook-id until it is answered 2xx or given up.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign } from './signing.js';

/** The event types the sandbox sends (and `POST /sandbox/webhooks/fire` accepts). */
export const EVENT_TYPES = Object.freeze([
  'consent.received',
  'consent.updated',
  'consent.revoked',
  'consent.expired',
  'banking.accounts.sync.completed',
  'banking.transactions.sync.completed',
  'energy.accounts.sync.completed',
  'energy.usage.sync.completed',
]);

/**
 * @typedef {{ at: string; status?: number; error?: string }} Attempt
 * @typedef {{ id: string; message_id: string; type: string; url: string; status: 'pending' | 'delivered' | 'failed'; attempts: Attempt[]; payload: object }} Delivery
 * @typedef {ReturnType<typeof createWebhooks>} Webhooks
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
    // Each attempt is signed afresh: its timestamp is when it was sent.
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [ID_HEADER]: d.message_id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: sign(d.message_id, timestamp, body, opts.secret),
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
    /** Whether deliveries go anywhere (a webhook URL is configured). */
    get enabled() {
      return Boolean(opts.url) && !closed;
    },
    /**
     * Queues one event for delivery (no-op without a webhook URL).
     * @param {string} type one of EVENT_TYPES
     * @param {object} data
     * @returns {Delivery | undefined}
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
