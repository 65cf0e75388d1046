// @ts-check
// Data access under a consent, and webhook delivery with retries.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { assertError, startReceiver, startSandbox, suiteSandbox } from './helpers.js';

describe('sandbox API', () => {
  const sb = suiteSandbox();

  describe('data access', () => {
    it('banking: only the consented accounts, deterministic, 403 for another account', async () => {
      const c = await sb.consent('sandbox-bank', (a) => a.slice(0, 2));
      assert.equal(c.offered.length, 3);
      const q = `end_user_id=${c.endUserId}`;
      const accounts = await sb.call('GET', `/v1/banking/accounts?${q}`, { token: c.token });
      assert.equal(accounts.status, 200);
      assert.deepEqual(
        accounts.body.accounts.map((/** @type {any} */ a) => a.account_id),
        c.accounts,
      );
      const txPath = `/v1/banking/transactions?${q}&account_id=${c.accounts[0]}&page[size]=25`;
      const tx = await sb.call('GET', txPath, { token: c.token });
      assert.equal(tx.body.transactions.length, 25);
      const again = await sb.call('GET', txPath, { token: c.token });
      assert.deepEqual(again.body, tx.body, 'deterministic');
      assertError(
        await sb.call('GET', `/v1/banking/transactions?${q}&account_id=${c.offered[2].id}`, {
          token: c.token,
        }),
        403,
        'account_not_consented',
      );
      assertError(
        await sb.call('GET', `/v1/banking/transactions?${q}&status=SETTLED`, { token: c.token }),
        400,
        'invalid_request',
      );
      assertError(
        await sb.call('GET', `/v1/energy/accounts?${q}`, { token: c.token }),
        403,
        'consent_required',
      );
    });
    it('energy: accounts and usage', async () => {
      const c = await sb.consent('sandbox-energy');
      const q = `end_user_id=${c.endUserId}`;
      const accounts = await sb.call('GET', `/v1/energy/accounts?${q}`, { token: c.token });
      assert.equal(accounts.body.accounts.length, 2);
      assert.ok(accounts.body.accounts[0].plans[0].service_point_ids.length);
      const usage = await sb.call('GET', `/v1/energy/usage?${q}&account_id=${c.accounts[0]}`, {
        token: c.token,
      });
      assert.equal(usage.status, 200);
      assert.equal(usage.body.usage[0].unit_of_measure, 'KWH');
      assert.equal(usage.body.usage.length, 30);
      assertError(
        await sb.call('GET', `/v1/energy/usage?${q}&service_point_id=sp_nope`, { token: c.token }),
        403,
        'account_not_consented',
      );
    });
    it('403 without a consent, and at once after revocation', async () => {
      const { token, endUserId } = await sb.session();
      assertError(
        await sb.call('GET', `/v1/banking/accounts?end_user_id=${endUserId}`, { token }),
        403,
        'consent_required',
      );
      const c = await sb.consent();
      const q = `end_user_id=${c.endUserId}`;
      assert.equal(
        (await sb.call('GET', `/v1/banking/accounts?${q}`, { token: c.token })).status,
        200,
      );
      const revoked = await sb.call('DELETE', `/v1/consent/${c.outcome.consentID}`, {
        token: c.token,
      });
      assert.equal(revoked.status, 200);
      assert.equal(revoked.body.active, false);
      assert.equal(revoked.body.status, 'revoked');
      assert.equal(revoked.body.termination_reason, 'revoked');
      assertError(
        await sb.call('GET', `/v1/banking/accounts?${q}`, { token: c.token }),
        403,
        'consent_required',
      );
      assertError(
        await sb.call('GET', `/v1/banking/transactions?${q}&account_id=${c.accounts[0]}`, {
          token: c.token,
        }),
        403,
      );
      const list = await sb.call('GET', `/v1/consent?${q}`, { token: c.token });
      assert.equal(list.body[0].active, false);
      assertError(
        await sb.call('DELETE', `/v1/consent/${c.outcome.consentID}`, { token: c.token }),
        400,
        'consent_already_revoked',
      );
      assertError(
        await sb.call('DELETE', '/v1/consent/arr_nope', { token: c.token }),
        404,
        'consent_not_found',
      );
    });
    it('validates the query', async () => {
      const token = await sb.token();
      assertError(await sb.call('GET', '/v1/consent', { token }), 400, 'invalid_request');
      assertError(
        await sb.call('GET', '/v1/consent?end_user_id=eu_nope', { token }),
        404,
        'end_user_not_found',
      );
      assertError(await sb.call('GET', '/v1/banking/accounts', { token }), 400, 'invalid_request');
    });
  });

  describe('webhooks', () => {
    it('retries a failed delivery with backoff under the same webhook-id, logging each attempt', async () => {
      let failures = 2;
      const flaky = await startReceiver((event) =>
        event.type === 'consent.received' && failures-- > 0 ? 500 + failures * 3 : 200,
      );
      const s2 = await startSandbox({ webhookUrl: flaky.url, webhookRetryBaseMs: 20 });
      try {
        const c = await s2.consent();
        const received = () =>
          flaky.received.filter((r) => JSON.parse(r.body).type === 'consent.received');
        while (received().length < 3) await flaky.waitFor(flaky.received.length + 1);
        assert.equal(
          new Set(received().map((r) => r.headers['webhook-id'])).size,
          1,
          'same webhook-id on each retry',
        );
        const log = await s2.call('GET', '/sandbox/webhooks', { token: c.token });
        const entry = log.body.find((/** @type {any} */ d) => d.type === 'consent.received');
        assert.equal(entry.status, 'delivered');
        assert.deepEqual(
          entry.attempts.map((/** @type {any} */ a) => a.status),
          [503, 500, 200],
        );
        const [a, b, d] = entry.attempts.map((/** @type {any} */ x) => Date.parse(x.at));
        // Retry n waits base * 2^(n-1): 20 ms, then 40 ms (timers may fire 1 ms early).
        assert.ok(b - a >= 19 && d - b >= 39, `backoff grows: ${b - a} ms, ${d - b} ms`);
      } finally {
        await s2.sandbox.close();
        await flaky.close();
      }
    });
    it('gives up after the last attempt', async () => {
      const down = await startReceiver(() => 500);
      const s2 = await startSandbox({
        webhookUrl: down.url,
        webhookRetryBaseMs: 5,
        webhookMaxAttempts: 3,
      });
      try {
        /** @type {any[]} */
        const settled = [];
        s2.sandbox.webhooks.events.on('settled', (d) => settled.push(d));
        const c = await s2.consent();
        // consent.received and the two data events each give up.
        while (settled.length < 3) await once(s2.sandbox.webhooks.events, 'settled');
        const entry = (await s2.call('GET', '/sandbox/webhooks', { token: c.token })).body[0];
        assert.equal(entry.status, 'failed');
        assert.equal(entry.attempts.length, 3);
      } finally {
        await s2.sandbox.close();
        await down.close();
      }
    });
  });
});
