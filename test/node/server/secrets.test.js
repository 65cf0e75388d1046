// The client secret and the bearer tokens never reach anything an error prints:
// not its message, its cause, its fields, util.inspect (what console.log shows)
// or JSON; nor does printing the client show the secret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { createFiskilClient, FiskilApiError } from 'fiskil-link/server';
import { clientOfSandbox } from './helpers.js';

const SECRET = 'sk_test_8c1d2e0f_do_not_print';
const { sb } = await clientOfSandbox({ clientSecret: SECRET });
const faults = sb.sandbox.faults;

/** Every way an error is printed or logged, as one string. */
function printed(value) {
  return [
    String(value),
    value?.stack,
    inspect(value, { depth: Infinity, showHidden: true }),
    JSON.stringify(value, Object.getOwnPropertyNames(value ?? {})),
    inspect(value?.cause, { depth: Infinity, showHidden: true }),
  ].join('\n');
}

/** A client whose fetch keeps every token the API issued, and may be replaced per test. */
function watchedClient(options = {}, wrap = (f) => f) {
  const tokens = [];
  const keepTokens = async (input, init) => {
    const response = await fetch(input, init);
    if (new URL(String(input)).pathname === '/v1/token' && response.ok) {
      const body = await response.clone().json();
      tokens.push(body.token, body.access_token);
    }
    return response;
  };
  const fiskil = createFiskilClient({
    clientId: sb.sandbox.options.clientId,
    clientSecret: SECRET,
    baseUrl: sb.url,
    fetch: wrap(keepTokens),
    ...options,
  });
  return { fiskil, tokens };
}

function assertClean(error, tokens) {
  assert.ok(error instanceof FiskilApiError, `not a FiskilApiError: ${error}`);
  const text = printed(error);
  assert.ok(!text.includes(SECRET), `the secret is printed:\n${text}`);
  for (const token of tokens) assert.ok(!text.includes(token), `a token is printed:\n${text}`);
}

test('printing the client does not show the secret', () => {
  const { fiskil } = watchedClient();
  assert.ok(!inspect(fiskil, { depth: Infinity, showHidden: true }).includes(SECRET));
  assert.ok(!JSON.stringify(fiskil).includes(SECRET));
});

test('a refused secret is not in the error', async () => {
  const wrong = `${SECRET}_wrong`;
  const fiskil = createFiskilClient({
    clientId: 'sandbox_client_id',
    clientSecret: wrong,
    baseUrl: sb.url,
  });
  const error = await fiskil.endUsers.create({}).catch((e) => e);
  assert.equal(error.code, 'invalid_client');
  assert.ok(!printed(error).includes(wrong));
});

test('errors of every kind after a token was issued print neither secret nor token', async () => {
  const { fiskil, tokens } = watchedClient({ timeout: 2000, maxRetries: 0 });
  const { endUserId } = await fiskil.endUsers.create({ email: 'secret@example.com' });
  assert.ok(tokens.length > 0);
  const errors = [
    await fiskil.endUsers.create({ email: 'secret@example.com' }).catch((e) => e),
    await fiskil.authSessions.create({ endUserId, institutionId: 'nope' }).catch((e) => e),
  ];
  faults.add({ method: 'GET', path: '/v1/consent', status: 500 });
  errors.push(await fiskil.consents.list({ endUserId }).catch((e) => e));
  faults.add({ method: 'GET', path: '/v1/consent', status: 401, count: 2 });
  errors.push(await fiskil.consents.list({ endUserId }).catch((e) => e));
  faults.add({ method: 'GET', path: '/v1/consent', delayMs: 30_000 });
  errors.push(await fiskil.consents.list({ endUserId }).catch((e) => e));
  faults.clear();
  assert.deepEqual(
    errors.map((e) => e.code),
    [
      'end_user_already_exists',
      'invalid_institution_id',
      'internal_error',
      'sandbox_fault',
      'timeout',
    ],
  );
  for (const error of errors) assertClean(error, tokens);
});

test('a fetch that fails quoting the request has the credentials cut from the error', async () => {
  // A logging proxy or an instrumented fetch may put the request in its error text.
  const quoting = (inner) => async (input, init) => {
    if (new URL(String(input)).pathname === '/v1/token') return inner(input, init);
    const auth = new Headers(init.headers).get('authorization');
    throw new Error(`refused ${input} with ${auth}`);
  };
  const { fiskil, tokens } = watchedClient({}, quoting);
  const error = await fiskil.consents.list({ endUserId: 'eu_1' }).catch((e) => e);
  assert.equal(error.code, 'network_error');
  assert.match(error.message, /refused .* with Bearer \[redacted\]/);
  assertClean(error, tokens);
  const tokenError = await createFiskilClient({
    clientId: 'id',
    clientSecret: SECRET,
    fetch: async (input, init) => {
      throw new Error(`could not send ${init.body}`);
    },
  })
    .consents.list({ endUserId: 'eu_1' })
    .catch((e) => e);
  assert.match(tokenError.message, /could not send .*\[redacted\]/);
  assertClean(tokenError, []);
});

test('an API that echoes the credentials in its error has them cut from the error', async () => {
  let token = '';
  const echoing = async (input, init) => {
    if (new URL(String(input)).pathname === '/v1/token') {
      token = 'tok_echo_1234567890';
      return Response.json({ token, expires_in: 600 });
    }
    return Response.json(
      {
        name: 'bad_request',
        id: 'err_1',
        message: `you sent ${new Headers(init.headers).get('authorization')} for ${SECRET}`,
      },
      { status: 400 },
    );
  };
  const fiskil = createFiskilClient({ clientId: 'id', clientSecret: SECRET, fetch: echoing });
  const error = await fiskil.consents.list({ endUserId: 'eu_1' }).catch((e) => e);
  assert.equal(error.message, 'GET /v1/consent: 400 bad_request');
  assert.equal(error.detail, 'you sent Bearer [redacted] for [redacted]');
  assertClean(error, [token]);
});

test('a wrong option names the option and never prints the secret', () => {
  assert.throws(
    () => createFiskilClient({ clientId: 'id', clientSecret: SECRET, baseUrl: 'ftp://x' }),
    /"baseUrl"/,
  );
  assert.throws(
    () => createFiskilClient({ clientId: 'id', clientSecret: SECRET, timeout: 0 }),
    /"timeout"/,
  );
});

test('missing credentials fail the first call, naming the option, and send nothing', async () => {
  // A client made at module scope while a framework's build runs without the
  // environment (Next.js collects route data so) must not fail the build.
  let sent = 0;
  const counting = async () => {
    sent++;
    return new Response('{}');
  };
  const noId = createFiskilClient({ clientId: undefined, clientSecret: SECRET, fetch: counting });
  await assert.rejects(
    noId.endUsers.create({}),
    (error) =>
      error instanceof TypeError &&
      /"clientId"/.test(error.message) &&
      !printed(error).includes(SECRET),
  );
  const noSecret = createFiskilClient({ clientId: 'id', clientSecret: '', fetch: counting });
  await assert.rejects(noSecret.consents.list({ endUserId: 'eu_1' }), /"clientSecret"/);
  assert.equal(sent, 0);
});
