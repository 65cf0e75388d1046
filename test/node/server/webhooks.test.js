// parseWebhookEvent: the sandbox's real deliveries parse into typed events; a
// body that is not one of Fiskil's events is refused with a sentence saying why.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONSENT_EVENT_TYPES, isConsentEvent, parseWebhookEvent } from 'fiskil-link/server';
import { startReceiver } from '../../../sandbox/test/helpers.js';
import { clientOfSandbox } from './helpers.js';

const receiver = await startReceiver();
after(() => receiver.close());
const { sb, client } = await clientOfSandbox({ webhookUrl: receiver.url });

test("the sandbox's deliveries after a consent and its revocation parse as typed events", async () => {
  const { fiskil } = client();
  const granted = await sb.consent();
  await fiskil.consents.revoke(granted.outcome.consentID);
  const bodies = await receiver.waitFor(5);
  const events = bodies.map((r) => parseWebhookEvent(r.body));
  assert.deepEqual(events.map((e) => e.type).sort(), [
    'banking.accounts.sync.completed',
    'banking.transactions.sync.completed',
    'consent.received',
    'consent.revoked',
    'consent.updated',
  ]);
  for (const event of events) {
    assert.match(event.message_id, /\S/);
    if (isConsentEvent(event)) assert.equal(event.data.arrangement_id, granted.outcome.consentID);
    else assert.equal(event.data.end_user_id, granted.endUserId);
  }
  // The raw bytes parse the same as the text.
  const bytes = new TextEncoder().encode(bodies[0].body);
  assert.deepEqual(parseWebhookEvent(bytes), events[0]);
});

test('the consent event types are the documented ones', () => {
  assert.deepEqual(CONSENT_EVENT_TYPES, [
    'consent.received',
    'consent.updated',
    'consent.revoked',
    'consent.expired',
  ]);
});

test('a body that is not one of the events is refused, saying why', () => {
  const consent = { arrangement_id: 'arr_1', active: true, end_user_id: 'eu_1' };
  const cases = [
    ['not json', /not JSON/],
    ['[]', /not a JSON object/],
    [null, /not a JSON object/],
    [{ type: 'consent.received', data: consent }, /"message_id"/],
    [{ message_id: 'm1', data: consent }, /"type"/],
    [
      { message_id: 'm1', type: 'payment.created', data: consent },
      /"payment\.created", not one of/,
    ],
    [{ message_id: 'm1', type: 'banking.accounts.sync.done', data: {} }, /not one of/],
    [{ message_id: 'm1', type: 'consent.received' }, /no "data" object/],
    [{ message_id: 'm1', type: 'consent.revoked', data: {} }, /"arrangement_id"/],
    [{ message_id: 'm1', type: 'energy.usage.sync.completed', data: {} }, /"end_user_id"/],
  ];
  for (const [body, why] of cases)
    assert.throws(
      () => parseWebhookEvent(body),
      (e) =>
        e instanceof TypeError && /^parseWebhookEvent: /.test(e.message) && why.test(e.message),
      JSON.stringify(body),
    );
});

test('any industry resource sync event is accepted, with its data', () => {
  const event = parseWebhookEvent({
    message_id: 'm2',
    type: 'energy.invoices.sync.completed',
    created_at: '2026-01-01T00:00:00Z',
    data: { end_user_id: 'eu_1', account_ids: ['a1'] },
  });
  assert.equal(isConsentEvent(event), false);
  assert.deepEqual(event.data.account_ids, ['a1']);
});
