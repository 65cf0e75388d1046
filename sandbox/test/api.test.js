// @ts-check
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { assertError, startReceiver, startSandbox } from './helpers.js';

/** @param {string} redirectURL */
const errorType = (redirectURL) => new URL(redirectURL).searchParams.get('error_type');

describe('sandbox API', () => {
  /** @type {Awaited<ReturnType<typeof startSandbox>>} */
  let sb;
  before(async () => {
    sb = await startSandbox();
  });
  after(() => sb.sandbox.close());

  describe('POST /v1/token', () => {
    it('issues a bearer token for the configured client', async () => {
      const r = await sb.call('POST', '/v1/token', {
        body: { client_id: 'sandbox_client_id', client_secret: 'sandbox_client_secret' },
      });
      assert.equal(r.status, 200);
      assert.match(r.body.token, /^sbx_tok_/);
      assert.equal(r.body.access_token, r.body.token);
      assert.equal(r.body.token_type, 'Bearer');
      assert.equal(r.body.expires_in, 3600);
    });
    it('refuses a wrong secret', async () => {
      assertError(
        await sb.call('POST', '/v1/token', {
          body: { client_id: 'sandbox_client_id', client_secret: 'nope' },
        }),
        401,
        'invalid_client',
      );
    });
    it('requires both fields', async () => {
      assertError(
        await sb.call('POST', '/v1/token', { body: { client_id: 'sandbox_client_id' } }),
        400,
        'invalid_request',
      );
      assertError(
        await sb.call('POST', '/v1/token', { body: { client_id: 1, client_secret: 'x' } }),
        400,
        'invalid_request',
      );
    });
    it('refuses malformed JSON, a wrong content type and a non-object body', async () => {
      assertError(
        await sb.call('POST', '/v1/token', {
          raw: '{"client_id":',
          headers: { 'content-type': 'application/json' },
        }),
        400,
        'invalid_json',
      );
      assertError(
        await sb.call('POST', '/v1/token', {
          raw: 'client_id=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
        415,
        'unsupported_media_type',
      );
      assertError(await sb.call('POST', '/v1/token', { body: [1, 2] }), 400, 'invalid_request');
      assertError(await sb.call('POST', '/v1/token', { body: null }), 400, 'invalid_request');
    });
    it('refuses an oversize body and keeps serving', async () => {
      const big = JSON.stringify({ client_id: 'x'.repeat(100_000), client_secret: 'y' });
      assertError(
        await sb.call('POST', '/v1/token', {
          raw: big,
          headers: { 'content-type': 'application/json' },
        }),
        413,
        'payload_too_large',
      );
      assert.equal(
        (
          await sb.call('POST', '/v1/token', {
            body: { client_id: 'sandbox_client_id', client_secret: 'sandbox_client_secret' },
          })
        ).status,
        200,
      );
    });
  });

  describe('authentication', () => {
    it('refuses a missing or unknown token', async () => {
      assertError(await sb.call('POST', '/v1/end-users', { body: {} }), 401, 'unauthorized');
      assertError(
        await sb.call('POST', '/v1/end-users', { body: {}, token: 'sbx_tok_nope' }),
        401,
        'unauthorized',
      );
      assertError(
        await sb.call('GET', '/v1/consent?end_user_id=x', {
          headers: { authorization: 'Basic abc' },
        }),
        401,
        'unauthorized',
      );
    });
    it('refuses an expired token', async () => {
      const short = await startSandbox({ tokenTtlSeconds: 0 });
      try {
        assertError(
          await short.call('POST', '/v1/end-users', { body: {}, token: await short.token() }),
          401,
          'token_expired',
        );
      } finally {
        await short.sandbox.close();
      }
    });
  });

  describe('end users', () => {
    it('creates and reads one', async () => {
      const token = await sb.token();
      const r = await sb.call('POST', '/v1/end-users', {
        token,
        body: { email: 'ada@example.com', name: 'Ada', phone: '+61412345678', abn: '51824753556' },
      });
      assert.equal(r.status, 201);
      assert.match(r.body.end_user_id, /^eu_/);
      const got = await sb.call('GET', `/v1/end-users/${r.body.end_user_id}`, { token });
      assert.equal(got.status, 200);
      assert.equal(got.body.end_user_id, r.body.end_user_id);
      assert.equal(got.body.email, 'ada@example.com');
      assert.equal(got.body.phone, '+61412345678');
    });
    it('refuses a duplicate email', async () => {
      const token = await sb.token();
      await sb.call('POST', '/v1/end-users', { token, body: { email: 'dup@example.com' } });
      assertError(
        await sb.call('POST', '/v1/end-users', { token, body: { email: 'DUP@example.com' } }),
        400,
        'end_user_already_exists',
      );
    });
    it('validates fields', async () => {
      const token = await sb.token();
      assertError(
        await sb.call('POST', '/v1/end-users', { token, body: { phone: '0412 345 678' } }),
        400,
        'invalid_request',
      );
      assertError(
        await sb.call('POST', '/v1/end-users', { token, body: { email: 'not-an-email' } }),
        400,
        'invalid_request',
      );
      assertError(
        await sb.call('POST', '/v1/end-users', { token, body: { abn: '123' } }),
        400,
        'invalid_request',
      );
      assertError(
        await sb.call('POST', '/v1/end-users', { token, body: { name: { a: 1 } } }),
        400,
        'invalid_request',
      );
    });
    it('answers 404 for an unknown id', async () => {
      assertError(
        await sb.call('GET', '/v1/end-users/eu_nope', { token: await sb.token() }),
        404,
        'end_user_not_found',
      );
    });
  });

  describe('POST /v1/auth/session', () => {
    it('creates a session with id, session_id, auth_url and expires_at', async () => {
      const { created, sessionId } = await sb.session();
      assert.equal(created.id, sessionId);
      assert.equal(created.auth_url, `${sb.url}/?sess_id=${sessionId}`);
      const in5days = Math.floor(Date.now() / 1000) + 5 * 86400;
      assert.ok(Math.abs(created.expires_at - in5days) < 5);
    });
    it('requires a known end_user_id', async () => {
      const token = await sb.token();
      assertError(
        await sb.call('POST', '/v1/auth/session', { token, body: {} }),
        400,
        'invalid_request',
      );
      assertError(
        await sb.call('POST', '/v1/auth/session', { token, body: { end_user_id: 'eu_nope' } }),
        400,
        'end_user_not_found',
      );
    });
    it('refuses an unknown institution_id', async () => {
      const { token, endUserId } = await sb.session();
      assertError(
        await sb.call('POST', '/v1/auth/session', {
          token,
          body: { end_user_id: endUserId, institution_id: 'no-bank' },
        }),
        400,
        'invalid_institution_id',
      );
    });
    it('skips institution selection when institution_id is given', async () => {
      const { sessionId } = await sb.session({ institution_id: 'sandbox-energy' });
      const r = await sb.call('GET', `/hosted/api/sessions/${sessionId}`);
      assert.equal(r.body.step, 'login');
      assert.equal(r.body.institution.name, 'Sandbox Energy');
    });
    it('is single-use', async () => {
      const { consentID } = (await sb.consent()).outcome;
      assert.match(consentID, /^arr_/);
      const { sessionId } = await sb.session();
      await sb.step(sessionId, 'cancel');
      const again = await sb.call('GET', `/hosted/api/sessions/${sessionId}`);
      assertError(again, 410, 'LINK_INVALID_SESSION');
      assert.equal(again.body.reason, 'used');
      assert.equal(again.body.outcome.errorType, 'LINK_INVALID_SESSION');
      assertError(
        await sb.step(sessionId, 'login', { username: 'user_good', password: 'pass_good' }),
        410,
        'LINK_INVALID_SESSION',
      );
    });
    it('expires', async () => {
      const short = await startSandbox({ sessionTtlSeconds: 0 });
      try {
        const { sessionId } = await short.session();
        const r = await short.call('GET', `/hosted/api/sessions/${sessionId}`);
        assertError(r, 410, 'LINK_INVALID_SESSION');
        assert.equal(r.body.reason, 'expired');
      } finally {
        await short.sandbox.close();
      }
    });
    it('can be expired on demand (sandbox helper)', async () => {
      const { sessionId, token } = await sb.session();
      assert.equal(
        (await sb.call('POST', `/sandbox/sessions/${sessionId}/expire`, { token })).status,
        200,
      );
      assert.equal(
        (await sb.call('GET', `/hosted/api/sessions/${sessionId}`)).body.reason,
        'expired',
      );
    });
    it('explains an unknown session', async () => {
      const r = await sb.call('GET', '/hosted/api/sessions/sess_unknown');
      assertError(r, 410, 'LINK_INVALID_SESSION');
      assert.equal(r.body.reason, 'unknown');
      assert.deepEqual(Object.keys(r.body.outcome).sort(), [
        'error',
        'errorDescription',
        'errorID',
        'errorType',
        'errorURI',
        'isCompleted',
      ]);
      assert.equal(r.body.outcome.isCompleted, false);
    });
  });

  describe('hosted flow outcomes', () => {
    it('success: consentID and a redirectURL, consent listed', async () => {
      const c = await sb.consent();
      assert.equal(c.outcome.isCompleted, true);
      assert.equal(
        new URL(c.outcome.redirectURL).searchParams.get('consent_id'),
        c.outcome.consentID,
      );
      const list = await sb.call('GET', `/v1/consent?end_user_id=${c.endUserId}`, {
        token: c.token,
      });
      assert.equal(list.status, 200);
      assert.equal(list.body.length, 1);
      const [consent] = list.body;
      assert.equal(consent.arrangement_id, c.outcome.consentID);
      assert.equal(consent.active, true);
      assert.equal(consent.end_user_id, c.endUserId);
      assert.equal(consent.institution_id, 'sandbox-bank');
      assert.equal(consent.institution_name, 'Sandbox Bank');
      assert.equal(consent.institution_type, 'banking');
      assert.ok(Array.isArray(consent.permissions) && consent.permissions.length > 0);
      assert.ok(consent.created_at && consent.expires_at && consent.duration === 365 * 86400);
    });
    it('wrong password: an inline error, then a retry works', async () => {
      const { sessionId } = await sb.session();
      await sb.step(sessionId, 'institution', { institution_id: 'sandbox-bank' });
      const bad = await sb.step(sessionId, 'login', { username: 'user_good', password: 'wrong' });
      assert.equal(bad.status, 200);
      assert.equal(bad.body.error, 'invalid_credentials');
      assert.equal(bad.body.outcome, undefined);
      const good = await sb.step(sessionId, 'login', {
        username: 'user_good',
        password: 'pass_good',
      });
      assert.equal(good.body.step, 'otp');
    });
    it('three wrong codes: CONSENT_OTP_FAILURE in the redirect form', async () => {
      const { sessionId } = await sb.session();
      await sb.step(sessionId, 'institution', { institution_id: 'sandbox-bank' });
      await sb.step(sessionId, 'login', { username: 'user_good', password: 'pass_good' });
      assert.equal((await sb.step(sessionId, 'otp', { code: '000000' })).body.attempts_left, 2);
      assert.equal((await sb.step(sessionId, 'otp', { code: '000001' })).body.attempts_left, 1);
      const last = await sb.step(sessionId, 'otp', { code: '000002' });
      assert.equal(last.body.outcome.isCompleted, true);
      assert.equal(errorType(last.body.outcome.redirectURL), 'CONSENT_OTP_FAILURE');
    });
    for (const [username, type] of [
      ['user_ineligible', 'CONSENT_ENDUSER_INELIGIBLE'],
      ['user_consent_timeout', 'CONSENT_TIMEOUT'],
    ]) {
      it(`${username}: ${type}`, async () => {
        const { sessionId } = await sb.session();
        const r = await sb.toConsent(sessionId, 'sandbox-bank', username);
        const u = new URL(r.body.outcome.redirectURL);
        assert.equal(u.searchParams.get('error_type'), type);
        for (const key of ['error', 'error_description', 'error_id', 'error_uri'])
          assert.ok(u.searchParams.get(key), key);
      });
    }
    it('user_silent: waits and never reports', async () => {
      const { sessionId, token } = await sb.session();
      const r = await sb.toConsent(sessionId, 'sandbox-bank', 'user_silent');
      assert.deepEqual(r.body, { step: 'silent' });
      assert.equal(
        (await sb.call('GET', `/sandbox/sessions/${sessionId}`, { token })).body.status,
        'created',
      );
    });
    it('deny: CONSENT_ENDUSER_DENIED with error=access_denied', async () => {
      const { sessionId } = await sb.session();
      await sb.toConsent(sessionId);
      const r = await sb.step(sessionId, 'deny');
      const u = new URL(r.body.outcome.redirectURL);
      assert.equal(u.searchParams.get('error'), 'access_denied');
      assert.equal(u.searchParams.get('error_type'), 'CONSENT_ENDUSER_DENIED');
    });
    it('cancel: AUTH_SESSION_CANCELLED in the flat form, from any step', async () => {
      for (const upTo of [0, 1, 2]) {
        const { sessionId } = await sb.session();
        if (upTo >= 1) await sb.step(sessionId, 'institution', { institution_id: 'sandbox-bank' });
        if (upTo >= 2)
          await sb.step(sessionId, 'login', { username: 'user_good', password: 'pass_good' });
        const r = await sb.step(sessionId, 'cancel');
        assert.equal(r.body.outcome.isCompleted, false);
        assert.equal(r.body.outcome.errorType, 'AUTH_SESSION_CANCELLED');
        assert.equal(r.body.outcome.error, 'AUTH_SESSION_CANCELLED');
      }
    });
    it('Unavailable Bank: an error step; closing gives CONSENT_UPSTREAM_PROCESSING_ERROR', async () => {
      const { sessionId } = await sb.session();
      const r = await sb.step(sessionId, 'institution', { institution_id: 'unavailable-bank' });
      assert.equal(r.body.step, 'unavailable');
      assertError(
        await sb.step(sessionId, 'login', { username: 'user_good', password: 'pass_good' }),
        409,
        'invalid_step',
      );
      const closed = await sb.step(sessionId, 'close');
      const u = new URL(closed.body.outcome.redirectURL);
      assert.equal(u.searchParams.get('error'), 'server_error');
      assert.equal(u.searchParams.get('error_type'), 'CONSENT_UPSTREAM_PROCESSING_ERROR');
    });
    it('refuses steps out of order and accounts that are not the user’s', async () => {
      const { sessionId } = await sb.session();
      assertError(await sb.step(sessionId, 'confirm', { account_ids: ['x'] }), 409, 'invalid_step');
      await sb.toConsent(sessionId);
      assertError(
        await sb.step(sessionId, 'confirm', { account_ids: ['acc_not_mine'] }),
        400,
        'invalid_request',
      );
      assertError(await sb.step(sessionId, 'confirm', { account_ids: [] }), 400, 'invalid_request');
    });
  });

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

  describe('robustness', () => {
    it('answers unknown routes and wrong methods with JSON errors', async () => {
      assertError(await sb.call('GET', '/v1/nothing'), 404, 'not_found');
      assertError(await sb.call('GET', '/v1/token'), 405, 'method_not_allowed');
      assertError(
        await sb.call('PUT', '/v1/consent/arr_1', { body: {} }),
        405,
        'method_not_allowed',
      );
      assertError(await sb.call('GET', '/nothing-here'), 404, 'not_found');
      assertError(await sb.call('GET', '/hosted/../server.js'), 404);
      assertError(await sb.call('GET', '/hosted/%2e%2e/server.js'), 404);
      assertError(await sb.call('GET', '/v1/end-users/%E0%A4%A'), 400, 'invalid_request');
    });
    it('survives a garbage request line and keeps serving', async () => {
      const addr = new URL(sb.url);
      await new Promise((resolve) => {
        const sock = connect(Number(addr.port), addr.hostname, () =>
          sock.end('NOT HTTP AT ALL\r\n\r\n'),
        );
        sock.on('close', resolve).on('error', resolve).resume();
      });
      assert.equal((await sb.call('GET', '/hosted/flow.js')).status, 200);
    });
    it('bounds its state', async () => {
      const small = await startSandbox({ maxEndUsers: 2, maxSessions: 2 });
      try {
        const a = await small.session();
        const b = await small.session();
        assertError(
          await small.call('POST', '/v1/end-users', { token: a.token, body: {} }),
          429,
          'sandbox_limit_reached',
        );
        await small.call('POST', '/v1/auth/session', {
          token: a.token,
          body: { end_user_id: a.endUserId },
        });
        assert.equal(
          (await small.call('GET', `/hosted/api/sessions/${a.sessionId}`)).body.reason,
          'unknown',
          'oldest session dropped',
        );
        assert.equal((await small.call('GET', `/hosted/api/sessions/${b.sessionId}`)).status, 200);
      } finally {
        await small.sandbox.close();
      }
    });
  });

  describe('hosted page', () => {
    it('serves the page with an import map for Lit, and Lit itself', async () => {
      const page = await sb.call('GET', '/?sess_id=sess_x');
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      assert.match(page.text, /<script type="importmap">/);
      assert.match(page.text, /<fiskil-hosted-flow>/);
      const lit = await sb.call('GET', '/vendor/lit/index.js');
      assert.equal(lit.status, 200);
      assert.match(lit.headers.get('content-type') ?? '', /javascript/);
      assert.equal(
        (await sb.call('GET', '/vendor/@lit/reactive-element/reactive-element.js')).status,
        200,
      );
      assert.equal((await sb.call('GET', '/vendor/lit-html/is-server.js')).status, 200);
    });
    it('restricts framing to the configured app origins', async () => {
      const strict = await startSandbox({ appOrigins: ['http://localhost:5173'] });
      try {
        const page = await strict.call('GET', '/');
        assert.equal(
          page.headers.get('content-security-policy'),
          "frame-ancestors 'self' http://localhost:5173",
        );
        assert.match(page.text, /"app_origins":\["http:\/\/localhost:5173"\]/);
      } finally {
        await strict.sandbox.close();
      }
    });
  });
});
