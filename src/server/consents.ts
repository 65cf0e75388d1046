// Consents: list an end user's, revoke one, and confirm the one a browser reported.
import type { TokenCache } from './token.js';
import type { Transport } from './transport.js';

/** A consent as Fiskil documents it (`GET /v1/consent`), in Fiskil's own snake_case. */
export interface Consent {
  arrangement_id: string;
  active: boolean;
  end_user_id: string;
  institution_id: string;
  institution_name?: string;
  institution_type?: 'banking' | 'energy';
  permissions?: string[];
  created_at?: string;
  expires_at?: string;
  /** Seconds the consent lasts. */
  duration?: number;
  [field: string]: unknown;
}

export interface Consents {
  /** `GET /v1/consent?end_user_id=`; with `active`, only the consents whose `active` is that. */
  list(query: { endUserId: string; active?: boolean }): Promise<Consent[]>;
  /** `DELETE /v1/consent/{arrangement_id}`: data access under it stops. Not retried. */
  revoke(arrangementId: string): Promise<void>;
  /**
   * True only when Fiskil lists an active consent with this id for this end
   * user. The browser's `consent` event is a signal; this is the proof a
   * backend checks before acting on it.
   */
  confirm(query: { endUserId: string; consentID: string }): Promise<boolean>;
}

/** The consents of a list answer: a bare array (documented), or one under `consents` or `data`. */
function recordsOf(body: unknown): Consent[] {
  const list = Array.isArray(body)
    ? body
    : typeof body === 'object' && body !== null
      ? ((body as Record<string, unknown>).consents ?? (body as Record<string, unknown>).data)
      : undefined;
  return (Array.isArray(list) ? list : []).filter(
    (c): c is Consent =>
      typeof c === 'object' && c !== null && typeof (c as Consent).arrangement_id === 'string',
  );
}

export function createConsents(http: Transport, tokens: TokenCache): Consents {
  const consents: Consents = {
    async list({ endUserId, active }) {
      const body = await http.request(
        { method: 'GET', path: '/v1/consent', query: { end_user_id: endUserId }, retries: true },
        tokens,
      );
      const all = recordsOf(body);
      return active === undefined ? all : all.filter((c) => (c.active === true) === active);
    },

    async revoke(arrangementId) {
      await http.request(
        {
          method: 'DELETE',
          path: `/v1/consent/${encodeURIComponent(arrangementId)}`,
          retries: false,
        },
        tokens,
      );
    },

    async confirm({ endUserId, consentID }) {
      if (typeof consentID !== 'string' || consentID === '') return false;
      const active = await consents.list({ endUserId, active: true });
      return active.some((c) => c.arrangement_id === consentID);
    },
  };
  return consents;
}
