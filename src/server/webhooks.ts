// Fiskil's webhook events, typed, and the parser that admits only those.
// It checks the body's shape, not who sent it: Fiskil's signature scheme is not
// documented anywhere this package could follow (docs/server.md).
import type { Consent } from './consents.js';

/** The consent events Fiskil documents; `consent.expired` is also sent by the sandbox. */
export const CONSENT_EVENT_TYPES = [
  'consent.received',
  'consent.updated',
  'consent.revoked',
  'consent.expired',
] as const;

export type ConsentEventType = (typeof CONSENT_EVENT_TYPES)[number];

/** The data events: `<industry>.<resource>.sync.completed`, e.g. `banking.transactions.sync.completed`. */
export type SyncEventType = `${'banking' | 'energy'}.${string}.sync.completed`;

const SYNC_TYPE = /^(banking|energy)\.[a-z][a-z_]*\.sync\.completed$/;

interface EventBase {
  /** The same for every delivery of one event: de-duplicate on it. */
  message_id: string;
  created_at?: string;
}

export interface ConsentWebhookEvent extends EventBase {
  type: ConsentEventType;
  /** The consent as it is now; `consent.updated` adds `changed`, the fields that changed. */
  data: Consent & { changed?: string[] };
}

export interface SyncWebhookEvent extends EventBase {
  type: SyncEventType;
  data: {
    end_user_id: string;
    arrangement_id?: string;
    institution_id?: string;
    account_ids?: string[];
    [field: string]: unknown;
  };
}

export type FiskilWebhookEvent = ConsentWebhookEvent | SyncWebhookEvent;

/** True for a consent event, narrowing the type. */
export const isConsentEvent = (event: FiskilWebhookEvent): event is ConsentWebhookEvent =>
  (CONSENT_EVENT_TYPES as readonly string[]).includes(event.type);

const refuse = (why: string) => new TypeError(`parseWebhookEvent: ${why}`);

/**
 * A webhook body (the raw text, or the parsed JSON) as a typed event. Throws a
 * `TypeError` saying what is wrong when the body is not one of Fiskil's
 * events: not JSON, no `message_id`, an unknown `type`, no `data`. It does
 * not tell whether Fiskil sent it.
 */
export function parseWebhookEvent(body: unknown): FiskilWebhookEvent {
  let value = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
    try {
      value = JSON.parse(text);
    } catch {
      throw refuse('the body is not JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw refuse('the body is not a JSON object');
  const event = value as Record<string, unknown>;
  if (typeof event.message_id !== 'string' || event.message_id === '')
    throw refuse('no "message_id" (a string)');
  const { type, data } = event;
  if (typeof type !== 'string') throw refuse('no "type" (a string)');
  const consentEvent = (CONSENT_EVENT_TYPES as readonly string[]).includes(type);
  if (!consentEvent && !SYNC_TYPE.test(type))
    throw refuse(
      `"type" is "${type.slice(0, 80)}", not one of ${CONSENT_EVENT_TYPES.join(', ')} or <industry>.<resource>.sync.completed`,
    );
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw refuse(`a ${type} event has no "data" object`);
  const d = data as Record<string, unknown>;
  if (consentEvent && typeof d.arrangement_id !== 'string')
    throw refuse(`a ${type} event's data has no "arrangement_id"`);
  if (!consentEvent && typeof d.end_user_id !== 'string')
    throw refuse(`a ${type} event's data has no "end_user_id"`);
  return event as unknown as FiskilWebhookEvent;
}
