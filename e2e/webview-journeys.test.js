// @ts-check
// The mobile bridge page, dist/webview.html (docs/mobile.md), in Debian's Chromium
// against the sandbox: whole flows through each platform's channel, one at a
// time, with the exact messages the app receives (e2e/webview-kit.js plays the app).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toConsentScreen } from './sandbox-journey.js';
import * as kit from './webview-kit.js';

kit.useBridgeApp();

/** The consents the sandbox API lists for an end user (as the app's backend reads them). */
async function consentsOf(/** @type {string} */ endUserId) {
  const t = await fetch(`${kit.app.sandboxUrl}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'demo_client_id', client_secret: 'demo_client_secret' }),
  });
  const { token } = await t.json();
  const res = await fetch(`${kit.app.sandboxUrl}/v1/consent?end_user_id=${endUserId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return /** @type {{ arrangement_id: string }[]} */ (await res.json());
}

for (const channel of /** @type {import('./webview-kit.js').ChannelName[]} */ (
  Object.keys(kit.CHANNELS)
)) {
  describe(`through the ${channel} channel (${kit.CHANNELS[channel]})`, () => {
    /** Opens the page for a fresh session, by fragment, and waits for the hosted page. */
    async function open() {
      const session = await kit.newSession();
      const page = await kit.bridgePage({ channels: [channel] });
      await page.goto(
        kit.bridgeUrl({ 'session-id': session.session_id, 'auth-server': kit.app.sandboxUrl }),
      );
      await kit.hosted(page).getByRole('heading', { name: 'Select your institution' }).waitFor();
      return { page, session };
    }

    it('the journey to a consent: link-open, link-load, consent, link-close', kit.T, async () => {
      const { page, session } = await open();
      await toConsentScreen(kit.hosted(page));
      await kit.hosted(page).getByRole('button', { name: 'Share data' }).click();
      const got = await kit.waitForMessages(page, 4, channel);
      const consents = await consentsOf(session.end_user_id);
      const consentID = JSON.parse(got[2]).detail.consentID;
      assert.ok(
        consents.some((c) => c.arrangement_id === consentID),
        'the API lists it',
      );
      kit.assertMessages(got, [
        ['link-open'],
        ['link-load'],
        ['consent', { consentID }],
        ['link-close'],
      ]);
      await kit.notice(page).getByText('Your account is connected.').waitFor();
      assert.equal(await page.locator('iframe').count(), 0, 'the modal is gone');
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).violations), []);
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).uncaught), []);
      await page.context().close();
    });

    for (const [name, code, steps] of /** @type {const} */ ([
      ['Cancel in the hosted page', 'AUTH_SESSION_CANCELLED', ['Cancel']],
      ['Deny on the consent screen', 'CONSENT_ENDUSER_DENIED', ['consent screen', 'Deny']],
    ])) {
      it(`${name}: ${code}, with the hosted page's details`, kit.T, async () => {
        const { page } = await open();
        for (const step of steps) {
          if (step === 'consent screen') await toConsentScreen(kit.hosted(page));
          else await kit.hosted(page).getByRole('button', { name: step }).click();
        }
        kit.assertMessages(await kit.waitForMessages(page, 4, channel), kit.failedFlow(code, code));
        await page.context().close();
      });
    }

    it(
      'an unknown session: LINK_INVALID_SESSION, the explanation stays until closed',
      kit.T,
      async () => {
        const page = await kit.bridgePage({ channels: [channel] });
        await page.goto(
          kit.bridgeUrl({ 'session-id': 'ses_unknown', 'auth-server': kit.app.sandboxUrl }),
        );
        await kit
          .hosted(page)
          .getByRole('heading', { name: /can’t be used/ })
          .waitFor();
        const got = await kit.waitForMessages(page, 3, channel);
        kit.assertMessages(
          got,
          kit.failedFlow('LINK_INVALID_SESSION', 'LINK_INVALID_SESSION').slice(0, 3),
        );
        // The page shows nothing of its own behind the hosted page's explanation.
        assert.equal(await page.locator('#notice-title').textContent(), '');
        assert.equal(
          await page.evaluate(() => /** @type {any} */ (window).fiskilLinkWebView?.cancel()),
          true,
        );
        kit.assertMessages(
          await kit.waitForMessages(page, 4, channel),
          kit.failedFlow('LINK_INVALID_SESSION', 'LINK_INVALID_SESSION'),
        );
        await page.context().close();
      },
    );
  });
}
