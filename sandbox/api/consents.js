// @ts-check
// GET /v1/consent?end_user_id= and DELETE /v1/consent/{arrangement_id}.
import { query } from '../http.js';
import { endUser } from './end-users.js';

/** @type {import('../context.js').Handler} */
export function listConsents({ url, ctx }) {
  const euid = query(url, 'end_user_id');
  endUser(ctx, euid);
  return [200, ctx.consents.of(euid).map(ctx.consents.view)];
}

/** @type {import('../context.js').Handler} */
export function revokeConsent({ params, ctx }) {
  return [200, ctx.consents.view(ctx.consents.end(params[0], 'revoked'))];
}
