// @ts-check
// End to end: the demo page, <fiskil-link> and the sandbox's hosted page in its
// cross-origin iframe, in Debian's Chromium (e2e/journey-page.js). The rows of the
// outcomes table in sandbox/README.md ("Test credentials and outcomes") that end in a
// link-error, each asserting the event the page received and what the API then shows.
// The rows that end in a consent: e2e/journey-consent.test.js.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SECURITY_QUESTION } from '../sandbox/server.js';
import {
  app,
  assertFailed,
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

describe('failures through the demo, the element and the hosted page', () => {
  it('user_questions: three wrong answers: CONSENT_OTP_FAILURE', T, async () => {
    const s = await connect();
    await chooseAndLogin('Sandbox Bank', 'user_questions');
    for (const answer of ['a', 'b', 'c']) {
      await flow().getByLabel(SECURITY_QUESTION).fill(answer);
      await flow().getByRole('button', { name: 'Continue' }).click();
      if (answer !== 'c')
        await flow().getByRole('alert').filter({ hasText: 'not right' }).waitFor();
    }
    const got = await assertFailed(s, 'CONSENT_OTP_FAILURE');
    assert.match(got.detail.details.error_description, /security question/);
  });

  it('a wrong one-time code three times: CONSENT_OTP_FAILURE', T, async () => {
    const s = await connect();
    await chooseAndLogin();
    for (const code of ['000000', '111111']) {
      await flow().getByLabel('One-time code').fill(code);
      await flow().getByRole('button', { name: 'Verify' }).click();
      await flow().getByRole('alert').filter({ hasText: 'not right' }).waitFor();
    }
    await flow().getByLabel('One-time code').fill('222222');
    await flow().getByRole('button', { name: 'Verify' }).click();
    const got = await assertFailed(s, 'CONSENT_OTP_FAILURE');
    assert.equal(got.detail.details.error_type, 'CONSENT_OTP_FAILURE');
  });

  it('user_ineligible: CONSENT_ENDUSER_INELIGIBLE', T, async () => {
    const s = await connect();
    await chooseAndLogin('Sandbox Bank', 'user_ineligible');
    await assertFailed(s, 'CONSENT_ENDUSER_INELIGIBLE');
  });

  it('"Deny" on the consent screen: CONSENT_ENDUSER_DENIED', T, async () => {
    const s = await connect();
    await toConsentScreen();
    await flow().getByRole('button', { name: 'Deny' }).click();
    await assertFailed(s, 'CONSENT_ENDUSER_DENIED');
  });

  for (const [step, reach] of /** @type {[string, () => Promise<void>][]} */ ([
    ['institution selection', async () => {}],
    ['login', () => flow().getByRole('button', { name: 'Sandbox Bank' }).click()],
    ['one-time code', () => chooseAndLogin()],
    [
      'account selection',
      async () => {
        await chooseAndLogin();
        await flow().getByLabel('One-time code').fill('123456');
        await flow().getByRole('button', { name: 'Verify' }).click();
        await flow().getByRole('heading', { name: 'Select accounts to share' }).waitFor();
      },
    ],
    ['consent confirmation', () => toConsentScreen()],
  ])) {
    it(`"Cancel" at ${step}: AUTH_SESSION_CANCELLED`, T, async () => {
      const s = await connect();
      await reach();
      await flow().getByRole('button', { name: 'Cancel' }).click();
      await assertFailed(s, 'AUTH_SESSION_CANCELLED', 'cancelled');
    });
  }

  it(
    'Unavailable Bank: an error screen; closing it gives CONSENT_UPSTREAM_PROCESSING_ERROR',
    T,
    async () => {
      const s = await connect();
      await flow().getByRole('searchbox', { name: 'Search institutions' }).fill('unavail');
      await flow().getByRole('button', { name: 'Unavailable Bank' }).click();
      await flow()
        .getByText(/try again later/)
        .waitFor();
      assert.deepEqual(await eventTypes(), ['link-open', 'link-load']);
      await flow().getByRole('button', { name: 'Close' }).click();
      await assertFailed(s, 'CONSENT_UPSTREAM_PROCESSING_ERROR');
    },
  );

  it('user_consent_timeout: CONSENT_TIMEOUT', T, async () => {
    const s = await connect();
    await chooseAndLogin('Sandbox Bank', 'user_consent_timeout');
    await assertFailed(s, 'CONSENT_TIMEOUT');
  });

  it('user_silent: the page never reports, and the element times out', T, async () => {
    // Long enough to reach the waiting step on a slow machine, short enough to wait out.
    const s = await connect(8000);
    await chooseAndLogin('Sandbox Bank', 'user_silent');
    await flow().getByRole('heading', { name: 'Waiting for Sandbox Bank…' }).waitFor();
    const got = await outcome();
    assert.equal(got.type, 'link-error');
    assert.equal(got.detail.code, 'LINK_TIMEOUT');
    // The sandbox never ended the session: it was the element that gave up.
    assert.equal((await fiskil('GET', `/sandbox/sessions/${s.session_id}`)).body.status, 'created');
    assert.deepEqual((await fiskil('GET', `/v1/consent?end_user_id=${s.end_user_id}`)).body, []);
  });

  describe('LINK_INVALID_SESSION, with an explanation on the page', () => {
    /** Opens the element on `id` and checks the event, the explanation and that the modal stays. */
    async function expectInvalid(/** @type {string} */ id, /** @type {RegExp} */ explanation) {
      await page.evaluate((sid) => /** @type {any} */ (window).fiskilDemo.open(sid), id);
      const got = await page.waitForFunction(() =>
        /** @type {any} */ (window).fiskilDemo.events.find(
          (/** @type {any} */ e) => e.detail?.code === 'LINK_INVALID_SESSION',
        ),
      );
      assert.equal((await got.jsonValue()).type, 'link-error');
      await flow().getByRole('heading', { name: 'This link can’t be used' }).waitFor();
      await flow().getByText(explanation).waitFor();
      // The modal stays so the user can read why; the element's close control ends it.
      await page.getByRole('button', { name: 'Close', exact: true }).click();
      await closed();
    }

    it('unknown sess_id', T, async () => {
      await page.evaluate((url) => {
        const el = /** @type {any} */ (document.querySelector('fiskil-link'));
        el.authServer = url;
        el.allowedOrigin = url;
      }, app.sandboxUrl);
      await expectInvalid('sess_does_not_exist', /not valid/);
    });

    it('already used sess_id', T, async () => {
      const s = await connect();
      await flow().getByRole('button', { name: 'Cancel' }).click();
      await outcome();
      await closed();
      await expectInvalid(s.session_id, /already been used/);
    });

    it('expired sess_id', T, async () => {
      const s = await connect();
      await flow().getByRole('button', { name: 'Cancel' }).click();
      await closed();
      // A fresh session for the same end user, expired before it is used.
      const t = await fiskil('GET', `/v1/end-users/${s.end_user_id}`);
      assert.equal(t.status, 200);
      const created = await fetch(`${app.demoUrl}/api/connect`, { method: 'POST' }).then((r) =>
        r.json(),
      );
      assert.equal(
        (await fiskil('POST', `/sandbox/sessions/${created.session_id}/expire`)).status,
        200,
      );
      await expectInvalid(created.session_id, /expired/);
    });
  });
});
