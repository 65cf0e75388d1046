// End users, auth sessions, consents and createLinkSession against the sandbox,
// in the shapes the client promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientOfSandbox } from './helpers.js';

const { sb, client } = await clientOfSandbox();
const { fiskil, to } = client();

test('endUsers.create gives the new id with what was sent', async () => {
  const user = await fiskil.endUsers.create({
    email: 'create@example.com',
    name: 'Alex',
    phone: '+61412345678',
  });
  assert.match(user.endUserId, /^eu_/);
  assert.deepEqual(
    { ...user, endUserId: 'x' },
    { endUserId: 'x', email: 'create@example.com', name: 'Alex', phone: '+61412345678' },
  );
});

test('a second create with the same email fails as end_user_already_exists', async () => {
  await fiskil.endUsers.create({ email: 'twice@example.com' });
  await assert.rejects(fiskil.endUsers.create({ email: 'TWICE@example.com' }), {
    name: 'FiskilApiError',
    message: 'POST /v1/end-users: 400 end_user_already_exists',
    status: 400,
    code: 'end_user_already_exists',
  });
});

test('endUsers.findByEmail finds in any case, and gives null for nobody', async () => {
  const made = await fiskil.endUsers.create({ email: 'Find.Me@example.com', name: 'Sam' });
  const found = await fiskil.endUsers.findByEmail('find.me@EXAMPLE.com');
  assert.equal(found.endUserId, made.endUserId);
  assert.equal(found.email, 'Find.Me@example.com');
  assert.equal(found.name, 'Sam');
  assert.equal(await fiskil.endUsers.findByEmail('nobody@example.com'), null);
});

test('endUsers.ensure creates the first time and returns the same end user after', async () => {
  const first = await fiskil.endUsers.ensure({ email: 'ensure@example.com', name: 'Jo' });
  const again = await fiskil.endUsers.ensure({ email: 'ensure@example.com', name: 'Jo' });
  assert.equal(again.endUserId, first.endUserId);
  assert.equal(again.name, 'Jo');
});

test('ensure passes on a failure that is not end_user_already_exists', async () => {
  await assert.rejects(fiskil.endUsers.ensure({ email: 'not an email' }), {
    code: 'invalid_request',
  });
});

test('authSessions.create gives sessionId, authUrl and expiresAt', async () => {
  const { endUserId } = await fiskil.endUsers.create({});
  const session = await fiskil.authSessions.create({ endUserId, institutionId: 'sandbox-bank' });
  assert.deepEqual(Object.keys(session).sort(), ['authUrl', 'expiresAt', 'sessionId']);
  assert.match(session.sessionId, /^sess_/);
  assert.equal(new URL(session.authUrl).searchParams.get('sess_id'), session.sessionId);
  const inFiveDays = Date.now() / 1000 + 5 * 86_400;
  assert.ok(Math.abs(session.expiresAt - inFiveDays) < 600, String(session.expiresAt));
});

test("a wrong institution fails naming the call and Fiskil's code", async () => {
  const { endUserId } = await fiskil.endUsers.create({});
  await assert.rejects(fiskil.authSessions.create({ endUserId, institutionId: 'no-bank' }), {
    message: 'POST /v1/auth/session: 400 invalid_institution_id',
    code: 'invalid_institution_id',
  });
});

test('createLinkSession makes the end user and the session, and finds them the second time', async () => {
  const user = { email: 'link@example.com', name: 'Lee' };
  const first = await fiskil.createLinkSession({ user });
  assert.deepEqual(Object.keys(first).sort(), ['authUrl', 'endUserId', 'expiresAt', 'sessionId']);
  const second = await fiskil.createLinkSession({ user, institutionId: 'sandbox-energy' });
  assert.equal(second.endUserId, first.endUserId);
  assert.notEqual(second.sessionId, first.sessionId);
  const known = await fiskil.createLinkSession({
    user: { endUserId: first.endUserId },
    permissions: ['bank:accounts.basic:read'],
  });
  assert.equal(known.endUserId, first.endUserId);
});

test('consents: a real consent is listed and confirmed; revoked, it is not', async () => {
  const granted = await sb.consent();
  const { endUserId } = granted;
  const consentID = granted.outcome.consentID;
  const [listed] = await fiskil.consents.list({ endUserId });
  assert.equal(listed.arrangement_id, consentID);
  assert.equal(listed.active, true);
  assert.equal(listed.institution_id, 'sandbox-bank');
  assert.equal(await fiskil.consents.confirm({ endUserId, consentID }), true);
  assert.equal(await fiskil.consents.confirm({ endUserId, consentID: 'arr_made_up' }), false);
  assert.equal(await fiskil.consents.confirm({ endUserId, consentID: '' }), false);
  const other = (await fiskil.endUsers.create({})).endUserId;
  assert.equal(await fiskil.consents.confirm({ endUserId: other, consentID }), false);

  await fiskil.consents.revoke(consentID);
  assert.equal(await fiskil.consents.confirm({ endUserId, consentID }), false);
  assert.deepEqual(await fiskil.consents.list({ endUserId, active: true }), []);
  const [revoked] = await fiskil.consents.list({ endUserId, active: false });
  assert.equal(revoked.arrangement_id, consentID);
  assert.equal(revoked.active, false);
});

test('a fetch that refuses any `this`, as Workers and browsers do, is called as a plain function', async () => {
  const strictFetch = function (input, init) {
    if (this !== undefined) throw new TypeError('Illegal invocation');
    return fetch(input, init);
  };
  const { fiskil: strict } = client({ fetch: strictFetch });
  const { endUserId } = await strict.endUsers.create({});
  assert.deepEqual(await strict.consents.list({ endUserId }), []);
});

test('all of the above used one token', () => {
  assert.deepEqual(to('POST /v1/token'), [200]);
});
