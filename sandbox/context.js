// @ts-check
// Everything one sandbox holds, built once from its options and handed to every route.
import { createConsents } from './consents.js';
import { createFaults } from './faults.js';
import { boundedMap, createTokenStore } from './stores.js';
import { createWebhooks } from './webhooks.js';

/**
 * @typedef {import('./config.js').SandboxOptions} SandboxOptions
 * @typedef {import('./flow-machine.js').FlowState} FlowState
 * @typedef {{ id: string; end_user_id: string; email: string | null; name: string | null; phone: string | null; abn: string | null; created_at: string }} EndUser
 * @typedef {{
 *   id: string; end_user_id: string; redirect_uri: string | undefined; cancel_uri: string | undefined;
 *   permissions: string[] | undefined; created_at: number; expires_at: number;
 *   status: 'created' | 'completed' | 'failed' | 'cancelled'; flow: FlowState;
 *   outcome?: object; finished_at?: number; consent_id?: string;
 * }} Session
 * @typedef {ReturnType<typeof createContext>} Context
 * @typedef {{ req: import('node:http').IncomingMessage; url: URL; params: string[]; ctx: Context }} Request
 * @typedef {(r: Request) => Promise<[number, unknown]> | [number, unknown]} Handler
 */

/** @param {SandboxOptions} o */
export function createContext(o) {
  const webhooks = createWebhooks({
    url: o.webhookUrl,
    secret: o.webhookSecret,
    maxAttempts: o.webhookMaxAttempts,
    retryBaseMs: o.webhookRetryBaseMs,
    timeoutMs: o.webhookTimeoutMs,
    maxLog: o.maxWebhookLog,
    log: o.log,
  });
  return {
    o,
    /** Set by listen(): the base URL the sandbox is reached at. */
    publicUrl: '',
    tokens: createTokenStore({ ttlSeconds: o.tokenTtlSeconds, max: o.maxTokens }),
    /** @type {Map<string, EndUser>} */
    endUsers: new Map(),
    /** @type {ReturnType<typeof boundedMap<Session>>} */
    sessions: boundedMap(o.maxSessions),
    consents: createConsents(o, webhooks),
    webhooks,
    faults: createFaults(o.faults),
    /** Sample data counts back from midday today. */
    anchor: new Date(new Date().toISOString().slice(0, 10) + 'T12:00:00Z'),
  };
}
