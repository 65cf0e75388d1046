// @ts-check
// Faults on demand (sandbox/faults.js): the next N calls to a route answer an error or
// late, set by option, by `POST /sandbox/faults` or by `sandbox.faults`; the end-user
// lookup by email; the token lifetime a test can shorten.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseFault } from '../faults.js';
import { createSandbox } from '../server.js';
import { assertError, startSandbox, suiteSandbox } from './helpers.js';

describe('sandbox faults', () => {
  const sb = suiteSandbox();

  it('answers the next N calls to a route with 429 and Retry-After, then as usual', async () => {
    const token = await sb.token();
    const set = await sb.call('POST', '/sandbox/faults', {
      token,
      body: { method: 'POST', path: '/v1/end-users', status: 429, retry_after: 3, count: 2 },
    });
    assert.equal(set.status, 201);
    assert.equal(set.body.remaining, 2);
    for (const left of [1, 0]) {
      const r = await sb.call('POST', '/v1/end-users', { token, body: {} });
      assertError(r, 429, 'rate_limited');
      assert.equal(r.headers.get('retry-after'), '3');
      assert.match(r.body.message, new RegExp(`${left} more to come`));
    }
    assert.equal((await sb.call('POST', '/v1/end-users', { token, body: {} })).status, 201);
    assert.deepEqual((await sb.call('GET', '/sandbox/faults', { token })).body, []);
  });

  it('touches only the method and path it names; a trailing * matches the rest', async () => {
    const token = await sb.token();
    sb.sandbox.faults.add({ method: 'GET', path: '/v1/end-users/*', status: 500 });
    assert.equal((await sb.call('POST', '/v1/end-users', { token, body: {} })).status, 201);
    assertError(await sb.call('GET', '/v1/end-users/eu_x', { token }), 500, 'internal_error');
    assertError(await sb.call('GET', '/v1/end-users/eu_x', { token }), 404, 'end_user_not_found');
  });

  it('answers late when told to, and the answer is the real one', async () => {
    const token = await sb.token();
    const { endUserId } = await sb.session();
    sb.sandbox.faults.add({ method: 'GET', path: '/v1/consent', delayMs: 300 });
    const started = Date.now();
    const r = await sb.call('GET', `/v1/consent?end_user_id=${endUserId}`, { token });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, []);
    assert.ok(Date.now() - started >= 250, 'the answer came before the delay');
  });

  it('a slow call the client gives up on is used up and the next one is prompt', async () => {
    const token = await sb.token();
    sb.sandbox.faults.add({ method: 'GET', path: '/v1/end-users', delayMs: 60_000 });
    await assert.rejects(
      fetch(`${sb.url}/v1/end-users?email=a%40example.com`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(200),
      }),
      { name: 'TimeoutError' },
    );
    assert.equal(
      (await sb.call('GET', '/v1/end-users?email=a@example.com', { token })).status,
      200,
    );
  });

  it('lists and clears faults, and refuses a wrong one naming the field', async () => {
    const token = await sb.token();
    await sb.call('POST', '/sandbox/faults', {
      token,
      body: { method: 'GET', path: '/v1/consent', status: 503, count: 5 },
    });
    const listed = await sb.call('GET', '/sandbox/faults', { token });
    assert.deepEqual(
      listed.body.map((/** @type {any} */ f) => [f.method, f.path, f.status, f.remaining]),
      [['GET', '/v1/consent', 503, 5]],
    );
    assert.deepEqual((await sb.call('DELETE', '/sandbox/faults', { token })).body, { cleared: 1 });
    for (const [body, field] of [
      [{ method: 'PATCH', path: '/v1/consent', status: 500 }, 'method'],
      [{ method: 'GET', path: '/hosted/x', status: 500 }, 'path'],
      [{ method: 'GET', path: '/v1/consent', status: 200 }, 'status'],
      [{ method: 'GET', path: '/v1/consent' }, 'delay_ms'],
      [{ method: 'GET', path: '/v1/consent', status: 500, count: 0 }, 'count'],
    ]) {
      const r = await sb.call('POST', '/sandbox/faults', { token, body });
      assertError(r, 400, 'invalid_request');
      assert.match(r.body.message, new RegExp(`"${field}"`));
    }
    assert.equal(
      (await sb.call('POST', '/sandbox/faults', { body: { method: 'GET', path: '/v1/consent' } }))
        .status,
      401,
    );
  });

  it('can fail the token request itself', async () => {
    sb.sandbox.faults.add({ method: 'POST', path: '/v1/token', status: 500, count: 1 });
    const creds = {
      client_id: sb.sandbox.options.clientId,
      client_secret: 'sandbox_client_secret',
    };
    assertError(await sb.call('POST', '/v1/token', { body: creds }), 500);
    assert.equal((await sb.call('POST', '/v1/token', { body: creds })).status, 200);
  });
});

describe('sandbox faults from options and the CLI', () => {
  it('takes faults and a token lifetime as options', async () => {
    const sb = await startSandbox({
      tokenTtlSeconds: 1,
      faults: [{ method: 'POST', path: '/v1/token', status: 429, count: 1 }],
    });
    try {
      const creds = { client_id: 'sandbox_client_id', client_secret: 'sandbox_client_secret' };
      const limited = await sb.call('POST', '/v1/token', { body: creds });
      assertError(limited, 429, 'rate_limited');
      assert.equal(limited.headers.get('retry-after'), '1');
      const issued = await sb.call('POST', '/v1/token', { body: creds });
      assert.equal(issued.body.expires_in, 1);
    } finally {
      await sb.sandbox.close();
    }
  });

  it('refuses a wrong fault option with a TypeError naming it', () => {
    assert.throws(
      () => createSandbox({ faults: [{ method: 'GET', path: '/v1/consent', status: 99 }] }),
      { name: 'TypeError', message: /option "faults".*"status"/ },
    );
  });

  it('reads --fault as <METHOD> <path> <status>[:<retry-after>] or slow[:<ms>], then x<count>', () => {
    assert.deepEqual(parseFault('POST /v1/token 500x2'), {
      method: 'POST',
      path: '/v1/token',
      status: 500,
      count: 2,
    });
    assert.deepEqual(parseFault('get /v1/consent 429:5'), {
      method: 'GET',
      path: '/v1/consent',
      status: 429,
      retryAfter: 5,
    });
    assert.deepEqual(parseFault('GET /v1/consent slow:3000x3'), {
      method: 'GET',
      path: '/v1/consent',
      delayMs: 3000,
      count: 3,
    });
    assert.throws(() => parseFault('GET /v1/consent sometimes'), TypeError);
  });

  it('the CLI refuses a wrong --fault or --token-ttl with status 2 and says which', async () => {
    const bin = new URL('../bin/fiskil-link-sandbox.js', import.meta.url).pathname;
    /** @type {[string[], RegExp][]} */
    const cases = [
      [['--fault', 'GET /v1/consent 200'], /--fault .*"status"/],
      [['--token-ttl', '0'], /--token-ttl must be/],
    ];
    for (const [args, said] of cases) {
      const run = promisify(execFile)(process.execPath, [bin, '--port', '0', ...args]);
      const failed = await run.then(
        () => assert.fail('it started'),
        (e) => e,
      );
      assert.equal(failed.code, 2);
      assert.match(failed.stderr, said);
    }
  });
});

describe('GET /v1/end-users?email=', () => {
  const sb = suiteSandbox();

  it('finds the end user with that email in any case, and none for another', async () => {
    const token = await sb.token();
    const made = await sb.call('POST', '/v1/end-users', {
      token,
      body: { email: 'Alex@Example.com', name: 'Alex' },
    });
    const found = await sb.call('GET', '/v1/end-users?email=alex%40example.com', { token });
    assert.equal(found.status, 200);
    assert.equal(found.body.length, 1);
    assert.equal(found.body[0].end_user_id, made.body.end_user_id);
    assert.equal(found.body[0].name, 'Alex');
    const none = await sb.call('GET', '/v1/end-users?email=nobody%40example.com', { token });
    assert.deepEqual(none.body, []);
    assertError(await sb.call('GET', '/v1/end-users', { token }), 400, 'invalid_request');
    assertError(await sb.call('GET', '/v1/end-users?email=a%40example.com'), 401, 'unauthorized');
  });
});
