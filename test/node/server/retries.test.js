// What the client does when Fiskil is busy, failing or slow: the token and
// reads are retried a bounded number of times (429 after its Retry-After, 5xx
// after a backoff), creates never; every attempt has a timeout that names the call.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { FiskilApiError } from 'fiskil-link/server';
import { clientOfSandbox } from './helpers.js';

const { sb, client } = await clientOfSandbox();
const faults = sb.sandbox.faults;
afterEach(() => faults.clear());

/** An end user, made before any fault is set. */
async function endUserOf(fiskil) {
  return (await fiskil.endUsers.create({})).endUserId;
}

test('a read answered 429 waits for Retry-After and is asked again', async () => {
  const { fiskil, to } = client();
  const endUserId = await endUserOf(fiskil);
  faults.add({ method: 'GET', path: '/v1/consent', status: 429, retryAfter: 0, count: 2 });
  assert.deepEqual(await fiskil.consents.list({ endUserId }), []);
  assert.deepEqual(to('GET /v1/consent'), [429, 429, 200]);
});

test('a read answered 500 is retried twice, then fails with the last answer', async () => {
  const { fiskil, to } = client();
  const endUserId = await endUserOf(fiskil);
  faults.add({ method: 'GET', path: '/v1/consent', status: 500, count: 5 });
  await assert.rejects(fiskil.consents.list({ endUserId }), {
    name: 'FiskilApiError',
    message: 'GET /v1/consent: 500 internal_error',
    status: 500,
  });
  assert.deepEqual(to('GET /v1/consent'), [500, 500, 500]);
});

test('maxRetries sets the bound; 0 asks once', async () => {
  const { fiskil, to } = client({ maxRetries: 0 });
  const endUserId = await endUserOf(fiskil);
  faults.add({ method: 'GET', path: '/v1/consent', status: 503, count: 2 });
  await assert.rejects(fiskil.consents.list({ endUserId }), { status: 503 });
  assert.deepEqual(to('GET /v1/consent'), [503]);
});

test('the token request is retried too', async () => {
  const { fiskil, to } = client();
  faults.add({ method: 'POST', path: '/v1/token', status: 500, count: 2 });
  await fiskil.endUsers.findByEmail('nobody@example.com');
  assert.deepEqual(to('POST /v1/token'), [500, 500, 200]);
});

test('a create answered 429 or 500 is not retried: the error says how long to wait', async () => {
  const { fiskil, to } = client();
  await endUserOf(fiskil);
  faults.add({ method: 'POST', path: '/v1/end-users', status: 429, retryAfter: 7 });
  await assert.rejects(fiskil.endUsers.create({ name: 'Alex' }), (error) => {
    assert.ok(error instanceof FiskilApiError);
    assert.equal(error.message, 'POST /v1/end-users: 429 rate_limited');
    assert.equal(error.retryAfter, 7);
    return true;
  });
  faults.add({ method: 'POST', path: '/v1/auth/session', status: 500 });
  const endUserId = await endUserOf(fiskil);
  await assert.rejects(fiskil.authSessions.create({ endUserId }), { status: 500 });
  faults.add({ method: 'DELETE', path: '/v1/consent/*', status: 503 });
  await assert.rejects(fiskil.consents.revoke('arr_1'), { status: 503 });
  assert.deepEqual(to('POST /v1/end-users'), [201, 429, 201]);
  assert.deepEqual(to('POST /v1/auth/session'), [500]);
  assert.deepEqual(to('DELETE /v1/consent/arr_1'), [503]);
});

test('a Retry-After longer than 30 s is not waited for', async () => {
  const { fiskil, to } = client();
  const endUserId = await endUserOf(fiskil);
  faults.add({ method: 'GET', path: '/v1/consent', status: 429, retryAfter: 120 });
  await assert.rejects(fiskil.consents.list({ endUserId }), { status: 429, retryAfter: 120 });
  assert.deepEqual(to('GET /v1/consent'), [429]);
});

// The timeouts below are long enough for a busy machine's loopback token request.
test('a call with no answer in time fails as a timeout naming the call, and is not repeated', async () => {
  const { fiskil, to } = client({ timeout: 2000 });
  const endUserId = await endUserOf(client().fiskil);
  faults.add({ method: 'GET', path: '/v1/consent', delayMs: 30_000 });
  await assert.rejects(fiskil.consents.list({ endUserId }), {
    name: 'FiskilApiError',
    message: 'GET /v1/consent: timeout (no answer within 2000 ms)',
    status: 0,
    code: 'timeout',
  });
  assert.deepEqual(to('GET /v1/consent'), [0]);
  assert.deepEqual(faults.list(), [], 'the slow answer was used up');
});

test('the token request times out the same way', async () => {
  const { fiskil } = client({ timeout: 2000 });
  faults.add({ method: 'POST', path: '/v1/token', delayMs: 30_000 });
  await assert.rejects(fiskil.endUsers.create({}), {
    message: 'POST /v1/token: timeout (no answer within 2000 ms)',
  });
});

test('a slow answer within the timeout is simply slow', async () => {
  const { fiskil, to } = client({ timeout: 20_000 });
  const endUserId = await endUserOf(fiskil);
  faults.add({ method: 'GET', path: '/v1/consent', delayMs: 200 });
  assert.deepEqual(await fiskil.consents.list({ endUserId }), []);
  assert.deepEqual(to('GET /v1/consent'), [200]);
});

test('a server that cannot be reached fails as network_error naming the call', async () => {
  const { fiskil } = client({ baseUrl: 'http://127.0.0.1:9' });
  await assert.rejects(fiskil.endUsers.create({}), {
    name: 'FiskilApiError',
    status: 0,
    code: 'network_error',
    message: /^POST \/v1\/token: network_error \(.+\)$/,
  });
});
