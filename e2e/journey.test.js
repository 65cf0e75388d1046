// @ts-check
// End to end: the demo page, <fiskil-link> and the sandbox's hosted page in its
// cross-origin iframe, in Debian's Chromium. One test per row of the outcomes table in
// sandbox/README.md ("Test credentials and outcomes"), each asserting the event the page
// received and what the API then shows.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../engines/chromium.js';
import { startAll } from '../demo/start.js';
import { SECURITY_QUESTION } from '../sandbox/server.js';

/** Each test's own limit; the file's is in package.json (`--test-timeout`). */
const T = { timeout: 30_000 };

/** @type {Awaited<ReturnType<typeof startAll>>} */
let app;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** @type {import('playwright-core').BrowserContext} */
let context;

// One page for the whole file: the element runs one flow after another, as on a real
// page, and the tests skip reloading the (unbundled, dev-mode) demo each time.
before(async () => {
  app = await startAll({ sandboxPort: 0, demoPort: 0, quiet: true });
  browser = await chromium.launch(chromiumLaunchOptions());
  context = await browser.newContext();
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(app.demoUrl);
});
after(async () => {
  await browser?.close();
  await app?.close();
});
beforeEach(async () => {
  await fetch(`${app.demoUrl}/api/reset`, { method: 'POST' });
  await page.evaluate(() => {
    const el = /** @type {any} */ (document.querySelector('fiskil-link'));
    el.cancel();
    el.timeout = 600_000;
    /** @type {any} */ (window).fiskilDemo.events.length = 0;
  });
});

/** The sandbox API, called as the integrator's backend would (with the demo's credentials). */
async function fiskil(/** @type {string} */ method, /** @type {string} */ path) {
  const t = await fetch(`${app.sandboxUrl}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'demo_client_id', client_secret: 'demo_client_secret' }),
  });
  const { token } = await t.json();
  const res = await fetch(app.sandboxUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

/** Clicks "Connect your bank" (with an element timeout, if given); resolves with the backend's session. */
async function connect(timeout = 0) {
  if (timeout)
    await page.evaluate((ms) => {
      /** @type {any} */ (document.querySelector('fiskil-link')).timeout = ms;
    }, timeout);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/connect'));
  const headingX = () =>
    page.evaluate(() => document.querySelector('h1')?.getBoundingClientRect().x);
  const before = await headingX();
  await page.getByRole('button', { name: 'Connect your bank' }).click();
  const session = await (await answer).json();
  await page.frameLocator('iframe').getByRole('heading').first().waitFor();
  // The scroll lock must not shift the page behind the modal sideways.
  assert.equal(await headingX(), before);
  return /** @type {{ session_id: string; end_user_id: string }} */ (session);
}

/** The hosted page, inside the element's cross-origin iframe. */
const flow = () => page.frameLocator('iframe');

/** Resolves with the first `consent` or `link-error` the page received. */
async function outcome() {
  const handle = await page.waitForFunction(() =>
    /** @type {any} */ (window).fiskilDemo.events.find(
      (/** @type {any} */ e) => e.type === 'consent' || e.type === 'link-error',
    ),
  );
  return /** @type {{ type: string; detail: any }} */ (await handle.jsonValue());
}

/** Resolves once the element has dispatched `link-close`. */
const closed = () =>
  page.waitForFunction(
    () => /** @type {any} */ (window).fiskilDemo.events.at(-1)?.type === 'link-close',
  );

/** @returns {Promise<string[]>} */
const eventTypes = () =>
  page.evaluate(() =>
    /** @type {any} */ (window).fiskilDemo.events.map((/** @type {any} */ e) => e.type),
  );

async function chooseAndLogin(
  institution = 'Sandbox Bank',
  username = 'user_good',
  password = 'pass_good',
) {
  await flow().getByRole('button', { name: institution }).click();
  await flow().getByLabel('Username').fill(username);
  await flow().getByLabel('Password').fill(password);
  await flow().getByRole('button', { name: 'Log in' }).click();
}

async function toConsentScreen(institution = 'Sandbox Bank', channel = '') {
  await chooseAndLogin(institution);
  if (channel) {
    await flow().getByRole('radio', { name: channel }).check();
    await flow()
      .getByText(
        `sent a 6-digit code ${channel === 'Email' ? 'by email' : 'to your authenticator app'}`,
      )
      .waitFor();
  }
  await flow().getByLabel('One-time code').fill('123456');
  await flow().getByRole('button', { name: 'Verify' }).click();
  await flow().getByRole('heading', { name: 'Select accounts to share' }).waitFor();
  await flow().getByRole('button', { name: 'Continue' }).click();
  await flow().getByRole('heading', { name: 'Confirm what you share' }).waitFor();
}

/** Asserts the failure the page got, and that the API shows no consent and a spent session. */
async function assertFailed(
  /** @type {{ session_id: string; end_user_id: string }} */ s,
  /** @type {string} */ code,
  status = 'failed',
) {
  const got = await outcome();
  assert.equal(got.type, 'link-error');
  assert.equal(got.detail.code, code);
  const consents = await fiskil('GET', `/v1/consent?end_user_id=${s.end_user_id}`);
  assert.deepEqual(consents.body, []);
  const session = await fiskil('GET', `/sandbox/sessions/${s.session_id}`);
  assert.equal(session.body.status, status);
  await page.getByRole('status').filter({ hasText: code }).waitFor();
  return got;
}

describe('outcomes through the demo, the element and the hosted page', () => {
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
