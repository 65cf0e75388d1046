// @ts-check
// Each test here pins a defect found by trying the sandbox as a hostile client would;
// each failed before its fix.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { assertError, startSandbox, suiteSandbox } from './helpers.js';

describe('defects', () => {
  const sb = suiteSandbox();

  it('a client_secret of the right length with a non-ASCII character is 401 invalid_client, not 500', async () => {
    const secret = sb.sandbox.options.clientSecret;
    const r = await sb.call('POST', '/v1/token', {
      body: { client_id: sb.sandbox.options.clientId, client_secret: `${secret.slice(0, -1)}é` },
    });
    assertError(r, 401, 'invalid_client');
  });

  it('a pre-selected institution obeys the industry filter, and permissions fit its industry', async () => {
    const energyOnly = await startSandbox({ industries: ['energy'] });
    try {
      const { token, endUserId } = await energyOnly.session();
      assertError(
        await energyOnly.call('POST', '/v1/auth/session', {
          token,
          body: { end_user_id: endUserId, institution_id: 'sandbox-bank' },
        }),
        400,
        'invalid_institution_id',
      );
    } finally {
      await energyOnly.sandbox.close();
    }
    const { token, endUserId } = await sb.session();
    const r = await sb.call('POST', '/v1/auth/session', {
      token,
      body: {
        end_user_id: endUserId,
        institution_id: 'sandbox-bank',
        permissions: ['energy:electricity.usage:read'],
      },
    });
    assertError(r, 400, 'invalid_request');
    assert.match(r.body.message, /energy/);
    assert.match(r.body.message, /Sandbox Bank/);
  });

  it('an expired consent reads as inactive with a termination reason, and data reads answer 403', async () => {
    const short = await startSandbox({ consentDays: 0 });
    try {
      const c = await short.consent();
      const list = await short.call('GET', `/v1/consent?end_user_id=${c.endUserId}`, {
        token: c.token,
      });
      assert.equal(list.body[0].active, false);
      assert.equal(list.body[0].status, 'expired');
      assert.equal(list.body[0].termination_reason, 'expired');
      assertError(
        await short.call('GET', `/v1/banking/accounts?end_user_id=${c.endUserId}`, {
          token: c.token,
        }),
        403,
        'consent_required',
      );
    } finally {
      await short.sandbox.close();
    }
  });

  it('the hosted flow refuses a cross-site request: no JSON, a foreign Origin or Sec-Fetch-Site', async () => {
    const { sessionId, token } = await sb.session();
    const path = `/hosted/api/sessions/${sessionId}/cancel`;
    assertError(
      await sb.call('POST', path, {
        raw: '',
        headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      }),
      403,
      'forbidden',
    );
    assertError(
      await sb.call('POST', path, { body: {}, headers: { origin: 'https://evil.example' } }),
      403,
      'forbidden',
    );
    assertError(
      await sb.call('POST', path, {
        body: {},
        headers: { origin: sb.url, 'sec-fetch-site': 'cross-site' },
      }),
      403,
      'forbidden',
    );
    assertError(await sb.call('POST', path, { raw: '', headers: { origin: sb.url } }), 403);
    const state = await sb.call('GET', `/sandbox/sessions/${sessionId}`, { token });
    assert.equal(state.body.status, 'created', 'the session was not cancelled');
  });

  it('a stalled body is closed at the request timeout and not logged as an internal error', async () => {
    /** @type {string[]} */
    const lines = [];
    const slow = await startSandbox({ requestTimeoutMs: 1000, log: (l) => lines.push(l) });
    try {
      const { hostname, port } = new URL(slow.url);
      const started = Date.now();
      const answer = await new Promise((resolve) => {
        let text = '';
        const sock = connect(Number(port), hostname, () =>
          sock.write(
            'POST /v1/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"client_id"',
          ),
        );
        sock.setEncoding('utf8');
        sock.on('data', (d) => (text += d));
        sock.on('close', () => resolve(text)).on('error', () => undefined);
        // Past this, the defect is there: give up rather than wait for Node's 30 s sweep.
        setTimeout(() => sock.destroy(), 8000).unref();
      });
      const took = Date.now() - started;
      assert.ok(took < 4000, `closed after ${took} ms`);
      assert.match(String(answer), /^HTTP\/1\.1 408/);
      assert.deepEqual(
        lines.filter((l) => /internal error/.test(l)),
        [],
      );
    } finally {
      await slow.sandbox.close();
    }
  });

  it('a token dropped by the token limit answers token_expired, not "not valid"', async () => {
    const small = await startSandbox({ maxTokens: 2 });
    try {
      const first = await small.token();
      await small.token();
      await small.token();
      assertError(
        await small.call('POST', '/v1/end-users', { token: first, body: {} }),
        401,
        'token_expired',
      );
    } finally {
      await small.sandbox.close();
    }
  });
});
