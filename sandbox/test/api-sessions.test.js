// @ts-check
// Auth sessions and the outcomes of the hosted flow, through its own API.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, startSandbox, suiteSandbox } from './helpers.js';

/** @param {string} redirectURL */
const errorType = (redirectURL) => new URL(redirectURL).searchParams.get('error_type');

describe('sandbox API', () => {
  const sb = suiteSandbox();

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
});
