// An integrator's tests against the installed package's testing kits, type-checked:
// a unit test with the fake hosted page, an end-to-end test with Playwright.
import { fakeFiskilLink, type FakeFlow } from 'fiskil-link/testing';
import { routeFiskilLink, type FiskilLinkRoute } from 'fiskil-link/testing/playwright';
import type { Page } from 'playwright-core';

export async function unitTest(): Promise<string> {
  using fiskil = fakeFiskilLink();
  const flow: FakeFlow = await fiskil.nextFlow({ timeout: 100 });
  flow.complete({ consentID: 'con_1' });
  flow.fail('CONSENT_ENDUSER_DENIED', 'No.');
  flow.post({ isCompleted: true }, { origin: 'https://evil.example' });
  // @ts-expect-error: a flow's element is the typed <fiskil-link>, with no such member.
  flow.element.notAProperty();
  return `${flow.sessionId} ${flow.shown} ${flow.ended} ${fiskil.flows.length}`;
}

export async function endToEndTest(page: Page): Promise<string> {
  const fiskil: FiskilLinkRoute = await routeFiskilLink(page, { sandbox: 'http://127.0.0.1:4010' });
  const denied = await fiskil.deny();
  await fiskil.frame().getByRole('button', { name: 'Cancel' }).click();
  await fiskil.unroute();
  return `${await fiskil.completeConsent({ accounts: ['Everyday'] })} ${denied.code}`;
}
