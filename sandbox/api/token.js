// @ts-check
// POST /v1/token, and the bearer-token check every other API route makes.
import { timingSafeEqual } from 'node:crypto';
import { ApiError, field, readJson } from '../http.js';

/** Equal strings, compared in constant time over their UTF-8 bytes. @param {string} a @param {string} b */
function sameSecret(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** @type {import('../context.js').Handler} */
export async function token({ req, ctx }) {
  const body = await readJson(req, ctx.o.maxBodyBytes);
  const id = field(body, 'client_id', { required: true });
  const secret = field(body, 'client_secret', { required: true }) ?? '';
  if (id !== ctx.o.clientId || !sameSecret(secret, ctx.o.clientSecret))
    throw new ApiError(401, 'invalid_client', 'Unknown client_id or wrong client_secret.');
  const t = ctx.tokens.issue();
  // The docs disagree on the field name (docs/protocol.md, step 1): answer with both.
  return [
    200,
    { token: t, access_token: t, token_type: 'Bearer', expires_in: ctx.o.tokenTtlSeconds },
  ];
}

/** @param {import('../context.js').Request} r */
export function requireToken({ req, ctx }) {
  const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
  if (!m)
    throw new ApiError(
      401,
      'unauthorized',
      'Missing bearer token: send Authorization: Bearer <token> from POST /v1/token.',
    );
  const state = ctx.tokens.check(m[1]);
  if (state === 'unknown')
    throw new ApiError(401, 'unauthorized', 'The bearer token is not valid.');
  if (state === 'expired')
    throw new ApiError(
      401,
      'token_expired',
      `The bearer token has expired (after ${ctx.o.tokenTtlSeconds} s, or as one of more than ${ctx.o.maxTokens} newer tokens): get a new one from POST /v1/token.`,
    );
}
