// @ts-check
// Webhooks as Fiskil describes consent status changes, signed in the Standard Webhooks
// scheme, and the sandbox controls that fire them on demand.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { DEFAULTS, EVENT_TYPES, sign, verifySignature } from '../server.js';
import { assertError, startReceiver, startSandbox } from './helpers.js';

const SECRET = DEFAULTS.webhookSecret;

describe('webhooks', () => {
  /** @type {Awaited<ReturnType<typeof startReceiver>>} */
  let hooks;
  /** @type {Awaited<ReturnType<typeof startSandbox>>} */
  let sb;
  before(async () => {
    hooks = await startReceiver();
    sb = await startSandbox({ webhookUrl: hooks.url, webhookRetryBaseMs: 10 });
  });
  after(async () => {
    await sb.sandbox.close();
    await hooks.close();
  });

  /** Resolves with the deliveries about one consent once `types` have all arrived. @param {string} id @param {string[]} types */
  async function eventsOf(id, types) {
    const mine = () =>
      hooks.received
        .map((r) => ({ ...r, json: JSON.parse(r.body) }))
        .filter((r) => r.json.data.arrangement_id === id);
    while (!types.every((t) => mine().some((r) => r.json.type === t)))
      await hooks.waitFor(hooks.received.length + 1);
    return mine();
  }

  it('a consent sends consent.received and the data events; a revoke, consent.revoked and consent.updated', async () => {
    const c = await sb.consent();
    const id = c.outcome.consentID;
    await sb.call('DELETE', `/v1/consent/${id}`, { token: c.token });
    const got = await eventsOf(id, [
      'consent.received',
      'banking.accounts.sync.completed',
      'banking.transactions.sync.completed',
      'consent.revoked',
      'consent.updated',
    ]);
    const byType = Object.fromEntries(got.map((r) => [r.json.type, r.json]));
    assert.equal(byType['consent.received'].data.status, 'active');
    assert.deepEqual(byType['banking.transactions.sync.completed'].data, {
      end_user_id: c.endUserId,
      arrangement_id: id,
      institution_id: 'sandbox-bank',
      account_ids: c.accounts,
    });
    assert.equal(byType['consent.revoked'].data.termination_reason, 'revoked');
    assert.deepEqual(byType['consent.updated'].data.changed, ['status']);
    assert.equal(byType['consent.updated'].data.status, 'revoked');
  });

  it('energy consents send the energy data events', async () => {
    const c = await sb.consent('sandbox-energy');
    await eventsOf(c.outcome.consentID, [
      'energy.accounts.sync.completed',
      'energy.usage.sync.completed',
    ]);
  });

  it('deliveries carry webhook-id, webhook-timestamp and a v1 signature that verifies', async () => {
    const c = await sb.consent();
    const [r] = (await eventsOf(c.outcome.consentID, ['consent.received'])).filter(
      (x) => x.json.type === 'consent.received',
    );
    assert.equal(r.headers['webhook-id'], r.json.message_id);
    const ts = Number(r.headers['webhook-timestamp']);
    assert.ok(Math.abs(ts - Date.now() / 1000) < 60);
    assert.match(String(r.headers['webhook-signature']), /^v1,[A-Za-z0-9+/]+=*$/);
    assert.equal(verifySignature(r.body, r.headers, SECRET), true);
    // An off-the-shelf Standard Webhooks library agrees.
    const lib = new Webhook(SECRET);
    assert.deepEqual(lib.verify(r.body, /** @type {any} */ (r.headers)), r.json);
    // Tampered body, other secret, replayed later, missing headers: all refused.
    assert.equal(verifySignature(r.body + ' ', r.headers, SECRET), false);
    assert.equal(verifySignature(r.body, r.headers, 'whsec_' + btoa('another-secret')), false);
    assert.equal(verifySignature(r.body, r.headers, SECRET, { now: ts + 301 }), false);
    assert.equal(
      verifySignature(r.body, { ...r.headers, 'webhook-id': 'msg_other' }, SECRET),
      false,
    );
    assert.equal(verifySignature(r.body, {}, SECRET), false);
    // A fetch Headers object works too.
    assert.equal(
      verifySignature(r.body, new Headers(/** @type {any} */ (r.headers)), SECRET),
      true,
    );
  });

  it('sign() matches the library for any id, time and body', () => {
    const lib = new Webhook(SECRET);
    const at = new Date(1_767_225_600_000);
    assert.equal(sign('msg_1', 1_767_225_600, '{"a":1}', SECRET), lib.sign('msg_1', at, '{"a":1}'));
  });

  it('a consent that expires sends consent.expired and consent.updated, and stops data', async () => {
    const c = await sb.consent();
    const id = c.outcome.consentID;
    const r = await sb.call('POST', `/sandbox/consents/${id}/expire`, { token: c.token });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'expired');
    assert.equal(r.body.active, false);
    assert.ok(Date.parse(r.body.expires_at) <= Date.now());
    const got = await eventsOf(id, ['consent.expired', 'consent.updated']);
    const expired = got.find((x) => x.json.type === 'consent.expired');
    assert.equal(expired?.json.data.termination_reason, 'expired');
    assertError(
      await sb.call('GET', `/v1/banking/accounts?end_user_id=${c.endUserId}`, { token: c.token }),
      403,
      'consent_required',
    );
    assertError(
      await sb.call('POST', `/sandbox/consents/${id}/expire`, { token: c.token }),
      400,
      'consent_already_expired',
    );
    assertError(
      await sb.call('POST', '/sandbox/consents/arr_nope/expire', { token: c.token }),
      404,
      'consent_not_found',
    );
    assertError(await sb.call('POST', `/sandbox/consents/${id}/expire`), 401, 'unauthorized');
  });

  it('a consent past its time expires by itself, and its webhook goes out unprompted', async () => {
    const receiver = await startReceiver();
    const short = await startSandbox({ webhookUrl: receiver.url, consentDays: 1 / 86_400 });
    try {
      await short.consent();
      while (!receiver.received.some((r) => JSON.parse(r.body).type === 'consent.expired'))
        await receiver.waitFor(receiver.received.length + 1);
    } finally {
      await short.sandbox.close();
      await receiver.close();
    }
  });

  it('a second consent at the same institution amends the first: consent.updated with the accounts', async () => {
    const first = await sb.consent('sandbox-bank', (a) => a.slice(0, 1));
    const s = await sb.call('POST', '/v1/auth/session', {
      token: first.token,
      body: { end_user_id: first.endUserId },
    });
    const offered = await sb.toConsent(s.body.session_id);
    const ids = offered.body.accounts.map((/** @type {any} */ a) => a.id);
    const done = await sb.step(s.body.session_id, 'confirm', { account_ids: ids });
    assert.equal(done.body.outcome.consentID, first.outcome.consentID, 'the same arrangement');
    const list = await sb.call('GET', `/v1/consent?end_user_id=${first.endUserId}`, {
      token: first.token,
    });
    assert.equal(list.body.length, 1);
    assert.deepEqual(list.body[0].accounts, ids);
    const got = await eventsOf(first.outcome.consentID, ['consent.updated']);
    const updated = got.find((x) => x.json.type === 'consent.updated');
    assert.ok(updated?.json.data.changed.includes('accounts'));
  });

  it('POST /sandbox/webhooks/fire sends a chosen event about a consent', async () => {
    const c = await sb.consent('sandbox-energy');
    const before = hooks.received.length;
    const r = await sb.call('POST', '/sandbox/webhooks/fire', {
      token: c.token,
      body: { type: 'energy.usage.sync.completed', arrangement_id: c.outcome.consentID },
    });
    assert.equal(r.status, 202);
    assert.match(r.body.message_id, /^msg_/);
    const got = await hooks.waitFor(before + 1);
    while (!got.some((x) => JSON.parse(x.body).message_id === r.body.message_id))
      await hooks.waitFor(hooks.received.length + 1);
    const fired = got
      .map((x) => JSON.parse(x.body))
      .find((j) => j.message_id === r.body.message_id);
    assert.equal(fired.type, 'energy.usage.sync.completed');
    assert.equal(fired.data.arrangement_id, c.outcome.consentID);

    for (const [body, status, name] of /** @type {[object, number, string][]} */ ([
      [{ type: 'consent.nope', arrangement_id: c.outcome.consentID }, 400, 'invalid_request'],
      [
        { type: 'banking.accounts.sync.completed', arrangement_id: c.outcome.consentID },
        400,
        'invalid_request',
      ],
      [{ type: 'consent.updated', arrangement_id: 'arr_nope' }, 404, 'consent_not_found'],
      [{ arrangement_id: c.outcome.consentID }, 400, 'invalid_request'],
    ]))
      assertError(
        await sb.call('POST', '/sandbox/webhooks/fire', { token: c.token, body }),
        status,
        name,
      );
    assert.ok(EVENT_TYPES.includes('consent.expired'));
  });

  it('firing without a webhook URL is a clear 409', async () => {
    const quiet = await startSandbox();
    try {
      const c = await quiet.consent();
      assertError(
        await quiet.call('POST', '/sandbox/webhooks/fire', {
          token: c.token,
          body: { type: 'consent.updated', arrangement_id: c.outcome.consentID },
        }),
        409,
        'webhooks_disabled',
      );
    } finally {
      await quiet.sandbox.close();
    }
  });
});
