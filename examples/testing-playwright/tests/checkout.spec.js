import { expect, test } from '@playwright/test';
import { createSandbox } from 'fiskil-link/sandbox';
import { routeFiskilLink } from 'fiskil-link/testing/playwright';
import { startApp } from '../app/server.js';

let sandbox;
let api;
let app;

test.beforeAll(async () => {
  sandbox = createSandbox({ log: () => {} });
  api = await sandbox.listen(0);
  // The app's backend is pointed at the sandbox instead of https://api.fiskil.com.
  app = await startApp({ fiskilApi: api });
});

test.afterAll(async () => {
  await app.close();
  await sandbox.close();
});

test('a consent reaches the backend', async ({ page }) => {
  const fiskil = await routeFiskilLink(page, { sandbox: api });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Connect your bank' }).click();
  const consentID = await fiskil.completeConsent();
  await expect(page.getByRole('status')).toHaveText('Bank connected.');
  expect(app.consents).toContain(consentID);
});

test('a denial tells the user why and puts the button back', async ({ page }) => {
  const fiskil = await routeFiskilLink(page, { sandbox: api });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Connect your bank' }).click();
  const error = await fiskil.deny();
  expect(error.code).toBe('CONSENT_ENDUSER_DENIED');
  await expect(page.getByRole('status')).toHaveText('You chose not to share your data.');
  await expect(page.getByRole('button', { name: 'Connect your bank' })).toBeEnabled();
});

// Checked to fail by scripts/check-examples.mjs: a kit that let every expectation pass would not.
test('expected to fail: a wrong consent id', async ({ page }) => {
  const fiskil = await routeFiskilLink(page, { sandbox: api });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Connect your bank' }).click();
  await fiskil.completeConsent();
  await expect(page.getByRole('status')).toHaveText('Bank connected.');
  expect(app.consents).toContain('arr_WRONG');
});
