// @ts-check
// Consents and their lifecycle: granted (or amended) by the hosted flow, revoked by
// the API, expired by time or by the sandbox control; each change sends its webhooks.
import { ApiError, rid } from './http.js';
import { assertRoom } from './stores.js';

/**
 * @typedef {{
 *   arrangement_id: string; active: boolean; status: 'active' | 'revoked' | 'expired';
 *   termination_reason: 'revoked' | 'expired' | null;
 *   end_user_id: string; institution_id: string; institution_name: string; institution_type: 'banking' | 'energy';
 *   permissions: string[]; accounts: string[]; created_at: string; updated_at: string; expires_at: string;
 *   duration: number; revoked_at: string | null; session_id: string;
 * }} Consent
 * @typedef {import('./institutions.js').Institution} Institution
 */

/**
 * @param {{ consentDays: number; maxConsents: number; log: (line: string) => void }} o
 * @param {{ send: (type: string, data: object) => unknown }} webhooks
 */
export function createConsents(o, webhooks) {
  /** @type {Map<string, Consent>} */
  const all = new Map();
  const view = (/** @type {Consent} */ c) => ({ ...c });

  /** Data events, as if Fiskil had fetched the new consent's data. @param {Consent} c */
  function syncEvents(c) {
    const data = {
      end_user_id: c.end_user_id,
      arrangement_id: c.arrangement_id,
      institution_id: c.institution_id,
      account_ids: c.accounts,
    };
    const kinds =
      c.institution_type === 'banking' ? ['accounts', 'transactions'] : ['accounts', 'usage'];
    for (const k of kinds) webhooks.send(`${c.institution_type}.${k}.sync.completed`, data);
  }

  /** @param {Consent} c @param {'revoked' | 'expired'} reason */
  function terminate(c, reason) {
    const now = new Date().toISOString();
    c.active = false;
    c.status = reason;
    c.termination_reason = reason;
    c.updated_at = now;
    if (reason === 'revoked') c.revoked_at = now;
    else c.expires_at = new Date(Math.min(Date.parse(c.expires_at), Date.now())).toISOString();
    o.log(`consent ${c.arrangement_id} ${reason}`);
    webhooks.send(`consent.${reason}`, view(c));
    webhooks.send('consent.updated', { ...view(c), changed: ['status'] });
  }

  /** Expires a consent whose time is up; called before every read, and by a sweep. @param {Consent} c */
  function refresh(c) {
    if (c.active && Date.now() >= Date.parse(c.expires_at)) terminate(c, 'expired');
    return c;
  }

  return {
    /** @param {string} id */
    get(id) {
      const c = all.get(id);
      return c && refresh(c);
    },
    /** @param {string} endUserId */
    of(endUserId) {
      return [...all.values()].filter((c) => c.end_user_id === endUserId).map(refresh);
    },
    view,
    /**
     * The outcome of a completed flow. A user who already has an active consent at the
     * institution amends it (same arrangement, the new accounts), as a CDR re-authorisation does.
     * @param {{ endUserId: string; sessionId: string; institution: Institution; permissions: string[]; accountIds: string[] }} g
     */
    grant(g) {
      const now = new Date();
      const expires = new Date(now.getTime() + o.consentDays * 86_400_000).toISOString();
      const existing = [...all.values()]
        .map(refresh)
        .find(
          (c) => c.active && c.end_user_id === g.endUserId && c.institution_id === g.institution.id,
        );
      if (existing) {
        const changed = existing.accounts.join() !== g.accountIds.join() ? ['accounts'] : [];
        Object.assign(existing, {
          accounts: g.accountIds,
          permissions: g.permissions,
          session_id: g.sessionId,
          updated_at: now.toISOString(),
          expires_at: expires,
        });
        o.log(`consent ${existing.arrangement_id} amended for ${g.endUserId}`);
        webhooks.send('consent.updated', {
          ...view(existing),
          changed: [...changed, 'expires_at'],
        });
        syncEvents(existing);
        return existing;
      }
      assertRoom(all, o.maxConsents, 'consents');
      /** @type {Consent} */
      const c = {
        arrangement_id: rid('arr', 12),
        active: true,
        status: 'active',
        termination_reason: null,
        end_user_id: g.endUserId,
        institution_id: g.institution.id,
        institution_name: g.institution.name,
        institution_type: g.institution.type,
        permissions: g.permissions,
        accounts: g.accountIds,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        expires_at: expires,
        duration: Math.round(o.consentDays * 86_400),
        revoked_at: null,
        session_id: g.sessionId,
      };
      all.set(c.arrangement_id, c);
      o.log(`consent ${c.arrangement_id} created for ${g.endUserId} at ${g.institution.name}`);
      webhooks.send('consent.received', view(c));
      syncEvents(c);
      return c;
    },
    /** @param {string} id @param {'revoked' | 'expired'} reason */
    end(id, reason) {
      const c = this.get(id);
      if (!c)
        throw new ApiError(404, 'consent_not_found', `No consent with arrangement_id "${id}".`);
      if (!c.active)
        throw new ApiError(
          400,
          `consent_already_${c.status}`,
          `This consent is already ${c.status}.`,
        );
      terminate(c, reason);
      return c;
    },
    /** Ends every consent whose time is up, so its webhooks go out without anyone reading it. */
    sweep() {
      for (const c of all.values()) refresh(c);
    },
  };
}

/** @typedef {ReturnType<typeof createConsents>} Consents */
