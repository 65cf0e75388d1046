// @ts-check
// The route table: every API path, its method and its handler, in one place.
import { controls } from './api/controls.js';
import { listConsents, revokeConsent } from './api/consents.js';
import { data } from './api/data.js';
import { createEndUser, findEndUsers, getEndUser } from './api/end-users.js';
import { ACTION_NAMES, hostedSession, hostedStep } from './api/hosted.js';
import { createSession } from './api/sessions.js';
import { requireToken, token } from './api/token.js';
import { ApiError } from './http.js';

/** @typedef {import('./context.js').Handler} Handler */

/** @param {Handler} fn @returns {Handler} */
const authed = (fn) => (r) => {
  requireToken(r);
  return fn(r);
};

/** @type {[string, RegExp, Handler][]} */
export const ROUTES = [
  ['POST', /^\/v1\/token$/, token],
  ['POST', /^\/v1\/end-users$/, authed(createEndUser)],
  ['GET', /^\/v1\/end-users$/, authed(findEndUsers)],
  ['GET', /^\/v1\/end-users\/([^/]+)$/, authed(getEndUser)],
  ['POST', /^\/v1\/auth\/session$/, authed(createSession)],
  ['GET', /^\/v1\/consent$/, authed(listConsents)],
  ['DELETE', /^\/v1\/consent\/([^/]+)$/, authed(revokeConsent)],
  ['GET', /^\/v1\/banking\/accounts$/, authed(data.bankingAccounts)],
  ['GET', /^\/v1\/banking\/balances$/, authed(data.bankingBalances)],
  ['GET', /^\/v1\/banking\/transactions$/, authed(data.bankingTransactions)],
  ['GET', /^\/v1\/energy\/accounts$/, authed(data.energyAccounts)],
  ['GET', /^\/v1\/energy\/usage$/, authed(data.energyUsage)],
  ['GET', /^\/sandbox\/sessions\/([^/]+)$/, authed(controls.sessionState)],
  ['POST', /^\/sandbox\/sessions\/([^/]+)\/expire$/, authed(controls.expireSession)],
  ['POST', /^\/sandbox\/consents\/([^/]+)\/expire$/, authed(controls.expireConsent)],
  ['GET', /^\/sandbox\/webhooks$/, authed(controls.webhookLog)],
  ['POST', /^\/sandbox\/webhooks\/fire$/, authed(controls.fireWebhook)],
  ['POST', /^\/sandbox\/faults$/, authed(controls.addFault)],
  ['GET', /^\/sandbox\/faults$/, authed(controls.listFaults)],
  ['DELETE', /^\/sandbox\/faults$/, authed(controls.clearFaults)],
  ['GET', /^\/hosted\/api\/sessions\/([^/]+)$/, hostedSession],
  ['POST', new RegExp(`^/hosted/api/sessions/([^/]+)/(${ACTION_NAMES.join('|')})$`), hostedStep],
];

/** Paths that belong to the API, so an unmatched one is a JSON 404 rather than a file. */
const API_PREFIX = /^\/(v1|sandbox|hosted\/api)\//;

/**
 * Runs the route for a request: its answer, or undefined when no API path matches.
 * @param {Omit<import('./context.js').Request, 'params'>} r @param {string} pathname
 * @returns {Promise<[number, unknown] | undefined>}
 */
export async function dispatch(r, pathname) {
  const matches = ROUTES.map(([method, re, fn]) => ({ method, fn, m: re.exec(pathname) })).filter(
    (x) => x.m,
  );
  if (matches.length === 0) {
    if (API_PREFIX.test(pathname))
      throw new ApiError(404, 'not_found', `No route ${r.req.method} ${pathname}.`);
    return undefined;
  }
  const route = matches.find((x) => x.method === r.req.method);
  if (!route)
    throw new ApiError(
      405,
      'method_not_allowed',
      `${r.req.method} is not allowed on ${pathname}; use ${matches.map((x) => x.method).join(' or ')}.`,
    );
  return route.fn({ ...r, params: /** @type {RegExpExecArray} */ (route.m).slice(1) });
}
