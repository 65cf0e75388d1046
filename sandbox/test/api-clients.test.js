// @ts-check
// The API's clients: tokens, authentication, end users.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, startSandbox, suiteSandbox } from './helpers.js';

describe('sandbox API', () => {
  const sb = suiteSandbox();

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
});
