// @ts-check
// POST /v1/auth/session: an auth session for the hosted flow, single use.
import { initialState } from '../flow-machine.js';
import { ApiError, field, nowSec, readJson, rid } from '../http.js';
import { PERMISSION_LABELS, industryOf, offeredInstitutions } from '../institutions.js';
import { endUser } from './end-users.js';

/** @param {Record<string, any>} body @returns {string[] | undefined} */
function permissionsOf(body) {
  if (body.permissions === undefined) return undefined;
  const known = Object.keys(PERMISSION_LABELS);
  if (
    !Array.isArray(body.permissions) ||
    body.permissions.length === 0 ||
    !body.permissions.every((p) => known.includes(p))
  )
    throw new ApiError(
      400,
      'invalid_request',
      `"permissions" must be a non-empty array of: ${known.join(', ')}.`,
    );
  return [...new Set(/** @type {string[]} */ (body.permissions))];
}

/** @type {import('../context.js').Handler} */
export async function createSession({ req, ctx }) {
  const { o } = ctx;
  const body = await readJson(req, o.maxBodyBytes);
  const euid = field(body, 'end_user_id', { required: true }) ?? '';
  endUser(ctx, euid, 400);
  const institutionId = field(body, 'institution_id');
  const urlRule = { max: 2048, pattern: /^https?:\/\/[^\s]+$/, hint: 'an http(s) URL' };
  const redirect = field(body, 'redirect_uri', urlRule);
  const cancel = field(body, 'cancel_uri', urlRule);
  const permissions = permissionsOf(body);
  if (institutionId) {
    // A pre-selected institution obeys the same rules as the list the user would see.
    const inst = offeredInstitutions(o, undefined).find((i) => i.id === institutionId);
    if (!inst)
      throw new ApiError(
        400,
        'invalid_institution_id',
        `"${institutionId}" is not one of this sandbox's institutions (${offeredInstitutions(
          o,
          undefined,
        )
          .map((i) => i.id)
          .join(', ')}).`,
      );
    const misfits = (permissions ?? []).filter((p) => industryOf(p) !== inst.type);
    if (misfits.length)
      throw new ApiError(
        400,
        'invalid_request',
        `${inst.name} is a ${inst.type} institution: it cannot grant ${misfits.join(', ')}.`,
      );
  } else if (permissions && offeredInstitutions(o, permissions).length === 0) {
    throw new ApiError(
      400,
      'invalid_request',
      `No institution this sandbox offers (industries: ${o.industries.join(', ')}) can grant ${permissions.join(', ')}.`,
    );
  }
  const id = rid('sess', 12);
  const expires = nowSec() + o.sessionTtlSeconds;
  ctx.sessions.put(id, {
    id,
    end_user_id: euid,
    redirect_uri: redirect,
    cancel_uri: cancel,
    permissions,
    created_at: nowSec(),
    expires_at: expires,
    status: 'created',
    flow: initialState(institutionId ?? null),
  });
  const authUrl = new URL(ctx.publicUrl);
  authUrl.searchParams.set('sess_id', id);
  return [201, { id, session_id: id, auth_url: authUrl.href, expires_at: expires }];
}
