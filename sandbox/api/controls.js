// @ts-check
// Sandbox-only controls for tests (not Fiskil's API), behind the same bearer token:
// inspect and expire sessions, expire consents, read the webhook log, fire an event,
// set faults.
import { ApiError, field, nowSec, readJson } from '../http.js';
import { EVENT_TYPES } from '../webhooks.js';

/** @param {import('../context.js').Context} ctx @param {string} id */
function session(ctx, id) {
  const s = ctx.sessions.get(id);
  if (!s) throw new ApiError(404, 'session_not_found', `No auth session with id "${id}".`);
  return s;
}

/** @type {Record<string, import('../context.js').Handler>} */
export const controls = {
  sessionState({ params, ctx }) {
    const s = session(ctx, params[0]);
    return [
      200,
      {
        id: s.id,
        end_user_id: s.end_user_id,
        status: s.status,
        step: s.flow.step,
        institution_id: s.flow.institution_id,
        otp_channel: s.flow.otp_channel,
        outcome: s.outcome,
        consent_id: s.consent_id,
        created_at: s.created_at,
        expires_at: s.expires_at,
        finished_at: s.finished_at,
      },
    ];
  },

  expireSession({ params, ctx }) {
    const s = session(ctx, params[0]);
    s.expires_at = nowSec() - 1;
    return [200, { id: s.id, expires_at: s.expires_at }];
  },

  expireConsent({ params, ctx }) {
    return [200, ctx.consents.view(ctx.consents.end(params[0], 'expired'))];
  },

  webhookLog: ({ ctx }) => [200, ctx.webhooks.deliveries],

  async addFault({ req, ctx }) {
    const b = await readJson(req, ctx.o.maxBodyBytes);
    return [
      201,
      ctx.faults.add({
        method: b.method,
        path: b.path,
        status: b.status,
        retryAfter: b.retry_after,
        delayMs: b.delay_ms,
        count: b.count,
      }),
    ];
  },

  listFaults: ({ ctx }) => [200, ctx.faults.list()],

  clearFaults: ({ ctx }) => [200, { cleared: ctx.faults.clear() }],

  async fireWebhook({ req, ctx }) {
    const body = await readJson(req, ctx.o.maxBodyBytes);
    const type = field(body, 'type', { required: true }) ?? '';
    if (!EVENT_TYPES.includes(type))
      throw new ApiError(
        400,
        'invalid_request',
        `"type" must be one of ${EVENT_TYPES.join(', ')}.`,
      );
    const id = field(body, 'arrangement_id', { required: true }) ?? '';
    const c = ctx.consents.get(id);
    if (!c) throw new ApiError(404, 'consent_not_found', `No consent with arrangement_id "${id}".`);
    if (!ctx.webhooks.enabled)
      throw new ApiError(
        409,
        'webhooks_disabled',
        'No webhook URL is configured (webhookUrl, --webhook-url).',
      );
    const [industry] = type.split('.');
    if (!type.startsWith('consent.') && industry !== c.institution_type)
      throw new ApiError(
        400,
        'invalid_request',
        `"${type}" does not fit a ${c.institution_type} consent.`,
      );
    const data = type.startsWith('consent.')
      ? { ...ctx.consents.view(c), ...(type === 'consent.updated' ? { changed: [] } : {}) }
      : {
          end_user_id: c.end_user_id,
          arrangement_id: c.arrangement_id,
          institution_id: c.institution_id,
          account_ids: c.accounts,
        };
    const d = /** @type {import('../webhooks.js').Delivery} */ (ctx.webhooks.send(type, data));
    return [202, { message_id: d.message_id, type }];
  },
};
