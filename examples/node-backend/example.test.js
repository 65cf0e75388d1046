// The README's Usage, run as written: the sandbox (createSandbox, as
// `npx fiskil-link-sandbox` runs it), this example's backend reading its
// environment, and Chromium going through the README's page to a consent the
// backend confirms with Fiskil's API. Needs dist/fiskil-link.js (`npm run build`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { createSandbox } from '../../sandbox/server.js';
import { chromiumLaunchOptions } from '../../engines/chromium.js';
import { toConsentScreen } from '../../e2e/sandbox-journey.js';

const WAIT = { timeout: 60_000 };
let sandbox;
let example;
let origin;
let browser;

before(async () => {
  sandbox = createSandbox({ log: () => {} });
  const sandboxUrl = await sandbox.listen(0);
  // What a reader sets in their shell; server.js reads it when it is imported.
  process.env.FISKIL_API_URL = sandboxUrl;
  process.env.FISKIL_CLIENT_ID = sandbox.options.clientId;
  process.env.FISKIL_CLIENT_SECRET = sandbox.options.clientSecret;
  const { createExample } = await import('./main.js');
  example = createExample();
  await new Promise((resolve) => example.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${example.address().port}`;
  browser = await chromium.launch(chromiumLaunchOptions());
});

after(async () => {
  await browser?.close();
  example?.closeAllConnections();
  await new Promise((resolve) => example?.close(resolve));
  await sandbox?.close();
});

async function openPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${origin}/`);
  return { page, errors, close: () => context.close() };
}

test('the page, the backend and the sandbox give a consent the backend confirms', async () => {
  const { page, errors, close } = await openPage();
  try {
    await page.getByRole('button', { name: 'Connect your bank' }).click();
    const flow = page.frameLocator('fiskil-link iframe');
    await flow.getByRole('button', { name: 'Sandbox Bank' }).waitFor(WAIT);
    await toConsentScreen(flow);
    await flow.getByRole('button', { name: 'Share data' }).click();
    await page.getByText('Your bank is connected.').waitFor(WAIT);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a cancelled flow shows the sentence meant for people', async () => {
  const { page, errors, close } = await openPage();
  try {
    await page.getByRole('button', { name: 'Connect your bank' }).click();
    const flow = page.frameLocator('fiskil-link iframe');
    await flow.getByRole('button', { name: 'Cancel' }).click(WAIT);
    const result = page.getByRole('status');
    await result.getByText(/left before connecting/).waitFor(WAIT);
    assert.doesNotMatch(await result.innerText(), /AUTH_SESSION_CANCELLED/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('the backend does not confirm a consent Fiskil does not have', async () => {
  const res = await fetch(`${origin}/api/consents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ consentID: 'arr_made_up' }),
  });
  assert.equal(res.status, 404);
  assert.deepEqual(await res.json(), { confirmed: false });
});
