// @ts-check
// The hosted flow's own API, used only by the sandbox's hosted page (hosted/api-client.js):
// GET /hosted/api/sessions/{id} and POST /hosted/api/sessions/{id}/{action}. The steps
// themselves are flow-machine.js; this module feeds it and carries out how a flow ends.
import { accountsAt } from '../data.js';
import { ACTION_NAMES, advance, resume } from '../flow-machine.js';
import { ApiError, nowSec, readJson, requireOwnPage } from '../http.js';
import {
  DEFAULT_PERMISSIONS,
  PERMISSION_LABELS,
  industryOf,
  offeredInstitutions,
} from '../institutions.js';
import { INVALID_SESSION, failureMessage, flatFailure, successMessage } from '../outcomes.js';

/**
 * @typedef {import('../context.js').Context} Context
 * @typedef {import('../context.js').Session} Session
 * @typedef {import('../institutions.js').Institution} Institution
 */

export { ACTION_NAMES };

/** A session the hosted flow may still use, or 410 LINK_INVALID_SESSION with the reason. @param {Context} ctx @param {string} id */
export function liveSession(ctx, id) {
  const s = ctx.sessions.get(id);
  /** @type {keyof typeof INVALID_SESSION | undefined} */
  const reason = !s
    ? 'unknown'
    : s.status !== 'created'
      ? 'used'
      : Date.now() >= s.expires_at * 1000
        ? 'expired'
        : undefined;
  if (!s || reason)
    throw new ApiError(410, 'LINK_INVALID_SESSION', INVALID_SESSION[reason ?? 'unknown'], {
      reason,
      outcome: flatFailure('LINK_INVALID_SESSION', `Invalid/terminal session (${reason})`),
    });
  return s;
}

/** The permissions a consent at `inst` carries: the session's, of that industry. @param {Session} s @param {Institution} inst */
const permissionsAt = (s, inst) =>
  s.permissions?.filter((p) => industryOf(p) === inst.type) ?? [...DEFAULT_PERMISSIONS[inst.type]];

/** @param {Context} ctx @param {Session} s @returns {import('../flow-machine.js').FlowEnv} */
function flowEnv(ctx, s) {
  const user = ctx.endUsers.get(s.end_user_id);
  return {
    institutions: offeredInstitutions(ctx.o, s.permissions),
    accountsAt: (inst) =>
      accountsAt(s.end_user_id, inst).map(({ id, name, masked }) => ({ id, name, masked })),
    dataTypes: (inst) =>
      permissionsAt(s, inst).map(
        (p) => PERMISSION_LABELS[/** @type {keyof typeof PERMISSION_LABELS} */ (p)],
      ),
    contact: { phone: user?.phone, email: user?.email },
  };
}

/** @param {Context} ctx @param {Session} s @param {import('../flow-machine.js').Ending} end */
function finish(ctx, s, end) {
  if (end.status === 'completed') {
    const c = ctx.consents.grant({
      endUserId: s.end_user_id,
      sessionId: s.id,
      institution: end.institution,
      permissions: permissionsAt(s, end.institution),
      accountIds: end.accountIds,
    });
    s.consent_id = c.arrangement_id;
    s.outcome = successMessage(c.arrangement_id, s.redirect_uri ?? `${ctx.publicUrl}/complete`);
  } else {
    s.outcome = failureMessage(end.failure, s.cancel_uri ?? `${ctx.publicUrl}/cancel`);
  }
  s.status = end.status;
  s.finished_at = nowSec();
  ctx.o.log(`session ${s.id}: ${end.status}`);
  return { outcome: s.outcome };
}

/** @type {import('../context.js').Handler} */
export function hostedSession(r) {
  requireOwnPage(r.req);
  const { ctx } = r;
  const s = liveSession(ctx, r.params[0]);
  const env = flowEnv(ctx, s);
  s.flow = resume(s.flow, env);
  const inst = env.institutions.find((i) => i.id === s.flow.institution_id);
  return [
    200,
    {
      session_id: s.id,
      step: s.flow.step,
      institution: inst ?? null,
      preselected: s.flow.preselected,
      institutions: env.institutions,
      app: {
        name: ctx.o.appName,
        logo_url: ctx.o.appLogo ?? null,
        brand_color: ctx.o.brandColor ?? null,
      },
      purpose: ctx.o.purpose,
      consent_days: ctx.o.consentDays,
      app_origins: ctx.o.appOrigins,
    },
  ];
}

/** @type {import('../context.js').Handler} */
export async function hostedStep(r) {
  requireOwnPage(r.req);
  const { ctx } = r;
  const body = await readJson(r.req, ctx.o.maxBodyBytes);
  const s = liveSession(ctx, r.params[0]);
  const t = advance(s.flow, r.params[1], body, flowEnv(ctx, s));
  s.flow = t.state;
  return [200, t.end ? finish(ctx, s, t.end) : t.reply];
}
