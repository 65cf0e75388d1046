// @ts-check
// The HTTP server itself: routing, hostile input, bounded state, the hosted page's files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { assertError, startSandbox, suiteSandbox } from './helpers.js';

describe('sandbox API', () => {
  const sb = suiteSandbox();

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
