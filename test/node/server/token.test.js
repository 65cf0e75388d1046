// The client's bearer token: fetched once and reused, shared by concurrent
// callers, renewed before it ends, refreshed once after a 401, read from each
// answer shape Fiskil's pages show.
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFiskilClient, FiskilApiError } from 'fiskil-link/server';
import { clientOfSandbox } from './helpers.js';

const { sb, client } = await clientOfSandbox();

test('one token serves call after call', async () => {
  const { fiskil, to } = client();
  const { endUserId } = await fiskil.endUsers.create({ name: 'Alex' });
  await fiskil.authSessions.create({ endUserId });
  await fiskil.consents.list({ endUserId });
  await fiskil.endUsers.findByEmail('nobody@example.com');
  assert.deepEqual(to('POST /v1/token'), [200]);
});

test('20 concurrent calls share one token request', async () => {
  const { fiskil, to } = client();
  const users = await Promise.all(
    Array.from({ length: 20 }, (_, i) => fiskil.endUsers.create({ name: `User ${i}` })),
  );
  assert.equal(new Set(users.map((u) => u.endUserId)).size, 20);
  assert.deepEqual(to('POST /v1/token'), [200]);
  assert.deepEqual(to('POST /v1/end-users'), Array(20).fill(201));
});

test('a 401 drops the token and fetches a new one, once', async () => {
  const small = await clientOfSandbox({ maxTokens: 1 });
  const { fiskil, to } = small.client();
  const { endUserId } = await fiskil.endUsers.create({});
  // Another token from the same sandbox pushes the client's out (maxTokens: 1).
  await small.sb.token();
  assert.deepEqual(await fiskil.consents.list({ endUserId }), []);
  assert.deepEqual(to('POST /v1/token'), [200, 200]);
  assert.deepEqual(to('GET /v1/consent'), [401, 200]);
});

test('a call refused again with the new token fails with 401, after one refresh', async () => {
  const { fiskil, to } = client();
  const { endUserId } = await fiskil.endUsers.create({});
  sb.sandbox.faults.add({ method: 'GET', path: '/v1/consent', status: 401, count: 3 });
  try {
    await assert.rejects(fiskil.consents.list({ endUserId }), (error) => {
      assert.ok(error instanceof FiskilApiError);
      assert.equal(error.status, 401);
      assert.equal(error.message, 'GET /v1/consent: 401 sandbox_fault');
      return true;
    });
    assert.deepEqual(to('POST /v1/token'), [200, 200]);
    assert.deepEqual(to('GET /v1/consent'), [401, 401]);
  } finally {
    sb.sandbox.faults.clear();
  }
});

test('a short-lived token is renewed before it ends, so no call meets a 401', async () => {
  const short = await clientOfSandbox({ tokenTtlSeconds: 1 });
  const { fiskil, sent, to } = short.client();
  const { endUserId } = await fiskil.endUsers.create({});
  // Waiting for the token's lifetime to pass is the point of this test.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await fiskil.consents.list({ endUserId });
  assert.deepEqual(to('POST /v1/token'), [200, 200]);
  assert.deepEqual(
    sent.filter((e) => e.status === 401),
    [],
  );
});

test('a refused client id fails as POST /v1/token: 401 invalid_client, not retried', async () => {
  const { fiskil, to } = client({ clientSecret: 'not-the-secret' });
  await assert.rejects(fiskil.consents.list({ endUserId: 'eu_1' }), {
    name: 'FiskilApiError',
    message: 'POST /v1/token: 401 invalid_client',
    status: 401,
    code: 'invalid_client',
  });
  assert.deepEqual(to('POST /v1/token'), [401]);
  assert.deepEqual(to('GET /v1/consent'), []);
});

/**
 * A stand-in for Fiskil's API that answers POST /v1/token with `answer(n)` for
 * its nth token, and GET /v1/consent with []; it records the bearer of each read.
 */
function fakeApi(answer) {
  let issued = 0;
  const bearers = [];
  const json = (body) =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const fetch = async (input, init) => {
    if (new URL(String(input)).pathname === '/v1/token') return json(answer(++issued));
    bearers.push(new Headers(init.headers).get('authorization'));
    return json([]);
  };
  const fiskil = createFiskilClient({ clientId: 'id', clientSecret: 'secret', fetch });
  return { fiskil, bearers, issued: () => issued };
}

test('each answer shape of POST /v1/token is read', async () => {
  for (const answer of [
    (n) => ({ token: `t${n}` }),
    (n) => ({ token: `t${n}`, token_type: 'Bearer', expires_in: 900 }),
    (n) => ({ access_token: `t${n}`, token_type: 'Bearer', expires_in: 3600 }),
  ]) {
    const api = fakeApi(answer);
    await api.fiskil.consents.list({ endUserId: 'eu_1' });
    assert.deepEqual(api.bearers, ['Bearer t1']);
  }
});

test('an answer without a token fails as invalid_response, naming the call', async () => {
  const { fiskil } = fakeApi(() => ({ token_type: 'Bearer' }));
  await assert.rejects(fiskil.consents.list({ endUserId: 'eu_1' }), {
    name: 'FiskilApiError',
    code: 'invalid_response',
    message: /^POST \/v1\/token: 200 invalid_response/,
  });
});

describe('the token kept until shortly before it ends', () => {
  beforeEach(() => mock.timers.enable({ apis: ['Date'], now: 0 }));
  afterEach(() => mock.timers.reset());

  test('with no stated lifetime, the shortest documented one (900 s) is assumed', async () => {
    const api = fakeApi((n) => ({ token: `t${n}` }));
    await api.fiskil.consents.list({ endUserId: 'eu_1' });
    mock.timers.tick(839_000);
    await api.fiskil.consents.list({ endUserId: 'eu_1' });
    mock.timers.tick(2_000); // now inside the token's last minute
    await api.fiskil.consents.list({ endUserId: 'eu_1' });
    assert.deepEqual(api.bearers, ['Bearer t1', 'Bearer t1', 'Bearer t2']);
  });

  test('a stated lifetime is used (an hour)', async () => {
    const api = fakeApi((n) => ({ access_token: `t${n}`, expires_in: 3600 }));
    await api.fiskil.consents.list({ endUserId: 'eu_1' });
    mock.timers.tick(3_000_000);
    await api.fiskil.consents.list({ endUserId: 'eu_1' });
    mock.timers.tick(560_000);
    await api.fiskil.consents.list({ endUserId: 'eu_1' });
    assert.deepEqual(api.bearers, ['Bearer t1', 'Bearer t1', 'Bearer t2']);
  });
});

test('a failed token request is not kept: the next call asks again', async () => {
  const api = fakeApi((n) => (n === 1 ? {} : { token: `t${n}` }));
  await assert.rejects(api.fiskil.consents.list({ endUserId: 'eu_1' }), {
    code: 'invalid_response',
  });
  await api.fiskil.consents.list({ endUserId: 'eu_1' });
  assert.deepEqual(api.bearers, ['Bearer t2']);
});
