// @ts-check
// End to end: the demo page, <fiskil-link> and the sandbox's hosted page in its
// cross-origin iframe, in Debian's Chromium (e2e/journey-page.js). The rows of the
// outcomes table in sandbox/README.md ("Test credentials and outcomes") that end in a
// consent, and the slips a user recovers from on the way, each asserting the events
// the page received and what the API then shows. The rows that end in a link-error:
// e2e/journey-failure.test.js.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SECURITY_QUESTION } from '../sandbox/server.js';
import {
  chooseAndLogin,
  closed,
  connect,
  eventTypes,
  fiskil,
  flow,
  outcome,
  page,
  T,
  toConsentScreen,
  useDemoPage,
} from './journey-page.js';

useDemoPage();

describe('consents through the demo, the element and the hosted page', () => {
  it(
    'user_good at Sandbox Bank: consent, listed by the API, webhook received, data shown; revoke cuts access',
    T,
    async () => {
      const s = await connect();
      await chooseAndLogin();
      await flow().getByLabel('One-time code').fill('123456');
      await flow().getByRole('button', { name: 'Verify' }).click();
      // Share two of the three accounts.
      await flow()
        .getByRole('checkbox', { name: /Low Rate Card/ })
        .uncheck();
      await flow().getByRole('button', { name: 'Continue' }).click();
      await flow().getByRole('button', { name: 'Share data' }).click();

      const got = await outcome();
      assert.equal(got.type, 'consent');
      assert.match(got.detail.consentID, /^arr_/);
      await closed();
      assert.deepEqual(await eventTypes(), ['link-open', 'link-load', 'consent', 'link-close']);

      const consents = await fiskil('GET', `/v1/consent?end_user_id=${s.end_user_id}`);
      assert.equal(consents.body.length, 1);
      assert.equal(consents.body[0].arrangement_id, got.detail.consentID);
      assert.equal(consents.body[0].active, true);
      assert.equal(consents.body[0].institution_name, 'Sandbox Bank');
      const accounts = await fiskil('GET', `/v1/banking/accounts?end_user_id=${s.end_user_id}`);
      assert.deepEqual(
        accounts.body.accounts.map((/** @type {any} */ a) => a.display_name),
        ['Everyday Account', 'Bonus Saver'],
      );

      // The page: webhook (signature verified by the demo backend), accounts with transactions.
      const hooks = page.getByRole('region', { name: 'Webhooks received' });
      await hooks.getByText('consent.received').waitFor();
      await page
        .getByRole('article', { name: 'Everyday Account' })
        .getByRole('row')
        .first()
        .waitFor();
      await page.getByRole('article', { name: 'Bonus Saver' }).waitFor();
      assert.equal(await page.getByRole('article', { name: 'Low Rate Card' }).count(), 0);

      // Revoke: the API shows it at once, data access is cut, the webhook arrives.
      await page.getByRole('button', { name: 'Revoke Sandbox Bank consent' }).click();
      await page.getByText(/Access revoked/).waitFor();
      const after = await fiskil('GET', `/v1/consent?end_user_id=${s.end_user_id}`);
      assert.equal(after.body[0].active, false);
      assert.equal(
        (await fiskil('GET', `/v1/banking/accounts?end_user_id=${s.end_user_id}`)).status,
        403,
      );
      await hooks.getByText('consent.revoked').waitFor();
    },
  );

  it(
    'a consent the sandbox expires: the page shows it expired, data stops, consent.expired arrives',
    T,
    async () => {
      const s = await connect();
      await toConsentScreen();
      await flow().getByRole('button', { name: 'Share data' }).click();
      const got = await outcome();
      await page.getByRole('article', { name: 'Everyday Account' }).waitFor();
      const r = await fiskil('POST', `/sandbox/consents/${got.detail.consentID}/expire`);
      assert.equal(r.status, 200);
      const hooks = page.getByRole('region', { name: 'Webhooks received' });
      await hooks.getByText('consent.expired').waitFor();
      await page.getByRole('list').getByText('Expired', { exact: true }).waitFor();
      assert.equal(await page.getByRole('article', { name: 'Everyday Account' }).count(), 0);
      assert.equal(
        (await fiskil('GET', `/v1/banking/accounts?end_user_id=${s.end_user_id}`)).status,
        403,
      );
    },
  );

  it('user_questions: a security question, a wrong answer retried, then consent', T, async () => {
    await connect();
    await chooseAndLogin('Sandbox Bank', 'user_questions');
    await flow().getByRole('heading', { name: 'Answer your security question' }).waitFor();
    await flow().getByLabel(SECURITY_QUESTION).fill('acme');
    await flow().getByRole('button', { name: 'Continue' }).click();
    await flow().getByRole('alert').filter({ hasText: '2 attempts left' }).waitFor();
    await flow().getByLabel(SECURITY_QUESTION).fill('fiskil');
    await flow().getByRole('button', { name: 'Continue' }).click();
    await flow().getByLabel('One-time code').fill('123456');
    await flow().getByRole('button', { name: 'Verify' }).click();
    await flow().getByRole('button', { name: 'Continue' }).click();
    await flow().getByRole('button', { name: 'Share data' }).click();
    assert.equal((await outcome()).type, 'consent');
  });

  it('the code by SMS: the screen says where it went', T, async () => {
    await connect();
    await chooseAndLogin();
    await flow().getByText('sent a 6-digit code by SMS to •••• ••• 123').waitFor();
    await flow().getByRole('radio', { name: 'Email' }).check();
    await flow().getByText('by email to the email address on file').waitFor();
  });

  it(
    'user_good at Sandbox Energy, code by authenticator app: consent, energy accounts and usage shown',
    T,
    async () => {
      const s = await connect();
      await toConsentScreen('Sandbox Energy', 'Authenticator app');
      await flow().getByRole('button', { name: 'Share data' }).click();
      const got = await outcome();
      assert.equal(got.type, 'consent');
      const consents = await fiskil('GET', `/v1/consent?end_user_id=${s.end_user_id}`);
      assert.equal(consents.body[0].institution_type, 'energy');
      // The channel the user picked is the one the sandbox recorded.
      const session = await fiskil('GET', `/sandbox/sessions/${s.session_id}`);
      assert.equal(session.body.otp_channel, 'app');
      // Home electricity is a smart meter: its daily figure is the interval reads' aggregate.
      const home = page.getByRole('article', { name: 'Home electricity' });
      await home.waitFor();
      assert.match(await home.locator('.balance').innerText(), /[1-9][\d.]* kWh/);
      assert.equal(await home.getByRole('listitem').count(), 7);
      assert.equal(
        (await fiskil('GET', `/v1/energy/accounts?end_user_id=${s.end_user_id}`)).body.accounts
          .length,
        2,
      );
    },
  );

  it('wrong password: an inline error, no event, and the user may retry', T, async () => {
    const s = await connect();
    await chooseAndLogin('Sandbox Bank', 'user_good', 'wrong');
    await flow()
      .getByRole('alert')
      .filter({ hasText: 'username or password is incorrect' })
      .waitFor();
    assert.deepEqual(await eventTypes(), ['link-open', 'link-load']);
    assert.equal((await fiskil('GET', `/sandbox/sessions/${s.session_id}`)).body.status, 'created');
    await flow().getByLabel('Password').fill('pass_good');
    await flow().getByRole('button', { name: 'Log in' }).click();
    await flow().getByLabel('One-time code').waitFor();
    assert.deepEqual(await eventTypes(), ['link-open', 'link-load']);
  });

  it(
    'Unavailable Bank: try again, then choose another institution and consent there',
    T,
    async () => {
      const s = await connect();
      await flow().getByRole('button', { name: 'Unavailable Bank' }).click();
      await flow().getByRole('button', { name: 'Try again' }).click();
      await flow()
        .getByRole('status')
        .filter({ hasText: 'Still unavailable after 1 retry' })
        .waitFor();
      await flow().getByRole('button', { name: 'Choose another institution' }).click();
      await flow().getByRole('heading', { name: 'Select your institution' }).waitFor();
      await toConsentScreen('Wattle Mutual');
      await flow().getByRole('button', { name: 'Share data' }).click();
      assert.equal((await outcome()).type, 'consent');
      const consents = await fiskil('GET', `/v1/consent?end_user_id=${s.end_user_id}`);
      assert.equal(consents.body[0].institution_name, 'Wattle Mutual');
    },
  );
});
