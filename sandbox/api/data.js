// @ts-check
// The Data API: what an integrator's backend reads once the user has consented,
// in Fiskil's shapes (data.js) and paging (paging.js), for consented accounts only.
import {
  accountsAt,
  bankingAccount,
  bankingBalance,
  bankingTransactions,
  energyAccount,
  energyUsage,
  servicePointId,
} from '../data.js';
import { ApiError, query } from '../http.js';
import { findInstitution } from '../institutions.js';
import { page } from '../paging.js';
import { endUser } from './end-users.js';

/**
 * The accounts the end user shares through an active consent of one industry, each
 * with the consent it is read under; 403 without one. `account_id` narrows to one.
 * @param {import('../context.js').Request} r @param {'banking' | 'energy'} type
 */
function consented({ url, ctx }, type) {
  const euid = query(url, 'end_user_id');
  endUser(ctx, euid);
  const active = ctx.consents.of(euid).filter((c) => c.active && c.institution_type === type);
  if (active.length === 0)
    throw new ApiError(
      403,
      'consent_required',
      `End user "${euid}" has no active ${type} consent.`,
    );
  const held = active.flatMap((c) => {
    const inst = findInstitution(c.institution_id);
    const grant = { arrangement_id: c.arrangement_id };
    return inst
      ? accountsAt(euid, inst)
          .filter((a) => c.accounts.includes(a.id))
          .map((account) => ({ account, grant }))
      : [];
  });
  const accountId = query(url, 'account_id', false);
  if (accountId === undefined) return held;
  const one = held.filter((h) => h.account.id === accountId);
  if (one.length === 0)
    throw new ApiError(
      403,
      'account_not_consented',
      `Account "${accountId}" is not covered by an active consent.`,
    );
  return one;
}

/** @param {import('../context.js').Request} r @param {string} key @param {{ fiskil_id: string }[]} items */
const answer = (r, key, items) =>
  /** @type {[number, unknown]} */ ([200, page(r.url, r.ctx.publicUrl, items, key)]);

/** @param {URL} url @param {string} key @param {readonly string[]} allowed */
function oneOf(url, key, allowed) {
  const v = query(url, key, false);
  if (v !== undefined && !allowed.includes(v))
    throw new ApiError(400, 'invalid_request', `"${key}" must be one of ${allowed.join(', ')}.`);
  return v;
}

/** @type {Record<string, import('../context.js').Handler>} */
export const data = {
  bankingAccounts: (r) =>
    answer(
      r,
      'accounts',
      consented(r, 'banking').map((h) => bankingAccount(h.account, h.grant)),
    ),
  bankingBalances: (r) =>
    answer(
      r,
      'balances',
      consented(r, 'banking').map((h) => bankingBalance(h.account, h.grant)),
    ),
  bankingTransactions(r) {
    const status = oneOf(r.url, 'status', ['PENDING', 'POSTED']);
    const all = consented(r, 'banking').flatMap((h) =>
      bankingTransactions(h.account, h.grant, r.ctx.anchor),
    );
    return answer(r, 'transactions', status ? all.filter((t) => t.status === status) : all);
  },
  energyAccounts: (r) =>
    answer(
      r,
      'accounts',
      consented(r, 'energy').map((h) => energyAccount(h.account, h.grant)),
    ),
  energyUsage(r) {
    const point = query(r.url, 'service_point_id', false);
    const held = consented(r, 'energy').filter(
      (h) => !point || servicePointId(h.account) === point,
    );
    if (point && held.length === 0)
      throw new ApiError(
        403,
        'account_not_consented',
        `Service point "${point}" is not covered by an active consent.`,
      );
    return answer(
      r,
      'usage',
      held.flatMap((h) => energyUsage(h.account, h.grant, r.ctx.anchor)),
    );
  },
};
