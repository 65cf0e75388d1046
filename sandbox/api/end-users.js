// @ts-check
// POST /v1/end-users, GET /v1/end-users?email= and GET /v1/end-users/{id}.
import { ApiError, field, query, readJson, rid } from '../http.js';
import { assertRoom } from '../stores.js';

/**
 * The end user with `id`, or `status` end_user_not_found.
 * @param {import('../context.js').Context} ctx @param {string} id
 */
export function endUser(ctx, id, status = 404) {
  const u = ctx.endUsers.get(id);
  if (!u) throw new ApiError(status, 'end_user_not_found', `No end user with id "${id}".`);
  return u;
}

/** @type {import('../context.js').Handler} */
export async function createEndUser({ req, ctx }) {
  const body = await readJson(req, ctx.o.maxBodyBytes);
  const email = field(body, 'email', {
    pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    hint: 'an email address',
  });
  const name = field(body, 'name');
  const phone = field(body, 'phone', {
    pattern: /^\+[1-9]\d{6,14}$/,
    hint: 'E.164, e.g. +61412345678',
  });
  const abn = field(body, 'abn', { pattern: /^\d{11}$/, hint: '11 digits' });
  if (
    email &&
    [...ctx.endUsers.values()].some((u) => u.email?.toLowerCase() === email.toLowerCase())
  )
    throw new ApiError(
      400,
      'end_user_already_exists',
      `An end user with the email "${email}" already exists.`,
    );
  assertRoom(ctx.endUsers, ctx.o.maxEndUsers, 'end users');
  const id = rid('eu', 10);
  ctx.endUsers.set(id, {
    id,
    end_user_id: id,
    email: email ?? null,
    name: name ?? null,
    phone: phone ?? null,
    abn: abn ?? null,
    created_at: new Date().toISOString(),
  });
  return [201, { end_user_id: id }];
}

/** @type {import('../context.js').Handler} */
export const getEndUser = ({ params, ctx }) => [200, endUser(ctx, params[0])];

/** The end users with an email (compared in any case): an array of none or one. @type {import('../context.js').Handler} */
export function findEndUsers({ url, ctx }) {
  const email = query(url, 'email').toLowerCase();
  return [200, [...ctx.endUsers.values()].filter((u) => u.email?.toLowerCase() === email)];
}
