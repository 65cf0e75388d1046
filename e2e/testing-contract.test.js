// @ts-check
// The testing kit's contract: every outcome the sandbox's hosted page can give,
// run once through the real page (cross-origin, served in place of
// https://auth.fiskil.com) and once through fakeFiskilLink(), must reach the
// app's page with the same `detail`, field by field (code, message, details,
// displayMessage, retryable; a consent's id and redirect URL by their form).
// Only the made-up ids differ, and they are compared by their form too.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
// The built kit, as integrators get it; typed from its source, so this file
// type-checks before dist/ is built.
const builtKit = '../dist/testing/playwright.js';
const { routeFiskilLink } = /** @type {typeof import('../src/testing/playwright.js')} */ (
  await import(builtKit)
);
import { appAndBrowser } from './testing-app.js';

const T = { timeout: 90_000 };

/** @typedef {import('../src/testing/playwright.js').FiskilLinkRoute} Route */
/** @typedef {import('playwright-core').FrameLocator} FrameLocator */

/** Logs in at Sandbox Bank as `username`, whose login itself ends the flow. */
const loginAs = (/** @type {string} */ username) => async (/** @type {Route} */ fiskil) => {
  const flow = fiskil.frame();
  await flow.getByRole('button', { name: 'Sandbox Bank' }).click();
  await flow.getByLabel('Username').fill(username);
  await flow.getByLabel('Password').fill('pass_good');
  await flow.getByRole('button', { name: 'Log in' }).click();
};

/**
 * Each outcome: how the sandbox's page gives it (with the app's session, before
 * "Connect" when `expire`), and the fake's call that stands for it.
 * @type {{ outcome: string; sandbox: (fiskil: Route) => Promise<unknown>; fake: [string, ...string[]]; expire?: boolean }[]}
 */
const OUTCOMES = [
  { outcome: 'consent', sandbox: (f) => f.completeConsent(), fake: ['complete'] },
  {
    outcome: 'CONSENT_ENDUSER_DENIED',
    sandbox: (f) => f.deny(),
    fake: ['fail', 'CONSENT_ENDUSER_DENIED'],
  },
  { outcome: 'AUTH_SESSION_CANCELLED', sandbox: (f) => f.cancel(), fake: ['cancel'] },
  {
    outcome: 'CONSENT_OTP_FAILURE',
    sandbox: (f) => f.failOtp(),
    fake: ['fail', 'CONSENT_OTP_FAILURE'],
  },
  {
    outcome: 'CONSENT_ENDUSER_INELIGIBLE',
    sandbox: loginAs('user_ineligible'),
    fake: ['fail', 'CONSENT_ENDUSER_INELIGIBLE'],
  },
  {
    outcome: 'CONSENT_TIMEOUT',
    sandbox: loginAs('user_consent_timeout'),
    fake: ['fail', 'CONSENT_TIMEOUT'],
  },
  {
    outcome: 'CONSENT_UPSTREAM_PROCESSING_ERROR',
    sandbox: async (f) => {
      await f.frame().getByRole('button', { name: 'Unavailable Bank' }).click();
      await f.frame().getByRole('button', { name: 'Close' }).click();
    },
    fake: ['fail', 'CONSENT_UPSTREAM_PROCESSING_ERROR'],
  },
  {
    outcome: 'LINK_INVALID_SESSION',
    sandbox: async () => {},
    expire: true,
    fake: ['expireSession'],
  },
];

const setup = appAndBrowser();

/** The first outcome the app's page received, its fields copied out of the page. */
async function received(/** @type {import('playwright-core').Page} */ page) {
  await page.waitForFunction(() => /** @type {any} */ (window).events.length > 0);
  return page.evaluate(() => {
    const [{ type, detail }] = /** @type {any} */ (window).events;
    return type === 'consent'
      ? { type, consentID: detail.consentID, redirectURL: detail.redirectURL }
      : {
          type,
          code: detail.code,
          message: detail.message,
          details: detail.details,
          displayMessage: detail.displayMessage,
          retryable: detail.retryable,
        };
  });
}

/** Made-up ids by their form: the sandbox's and the fake's are both random. */
function normalised(/** @type {any} */ detail) {
  if (detail.type === 'consent') {
    const redirect = new URL(detail.redirectURL);
    return {
      type: detail.type,
      consentID: detail.consentID.replace(/^arr_[0-9a-f]{24}$/, 'arr_…'),
      redirect: `${redirect.pathname}?consent_id=${redirect.searchParams.get('consent_id') === detail.consentID}`,
    };
  }
  return {
    ...detail,
    details: {
      ...detail.details,
      error_id: detail.details.error_id.replace(/^err_[0-9a-f]{16}$/, 'err_…'),
    },
  };
}

async function throughSandbox(/** @type {(typeof OUTCOMES)[number]} */ row) {
  const context = await setup.browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const fiskil = await routeFiskilLink(page, { sandbox: setup.app.sandboxUrl });
  const session = await setup.app.newSession();
  if (row.expire) await setup.app.api('POST', `/sandbox/sessions/${session}/expire`);
  setup.app.queued.push(session);
  await page.goto(setup.app.appUrl);
  await page.getByRole('button', { name: 'Connect' }).click();
  await row.sandbox(fiskil);
  const detail = await received(page);
  await context.close();
  return detail;
}

async function throughFake(/** @type {(typeof OUTCOMES)[number]} */ row) {
  const context = await setup.browser.newContext();
  const page = await context.newPage();
  await page.goto(setup.app.appUrl);
  await page.evaluate(async ([method, ...args]) => {
    // The app's page serves the built kit at /dist/ (e2e/testing-app.js).
    const kit = '/dist/testing/index.js';
    /** @type {typeof import('../src/testing/index.js')} */
    const { fakeFiskilLink } = await import(kit);
    const fiskil = fakeFiskilLink();
    /** @type {any} */ (document.querySelector('fiskil-link')).sessionId = 'ses_contract';
    const flow = /** @type {any} */ (await fiskil.nextFlow());
    flow[method](...args);
  }, row.fake);
  const detail = await received(page);
  await context.close();
  return detail;
}

describe('fakeFiskilLink() gives what the sandbox gives', () => {
  for (const row of OUTCOMES) {
    it(row.outcome, T, async () => {
      const real = await throughSandbox(row);
      const fake = await throughFake(row);
      assert.equal(real.type === 'consent' ? 'consent' : real.code, row.outcome);
      assert.deepEqual(normalised(fake), normalised(real));
    });
  }
});
