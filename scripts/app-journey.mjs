// @ts-check
// One page of an example app (examples/apps/<dir>/), as scripts/test-apps.mjs
// drives it in Chromium against the sandbox: the server's HTML, then a consent
// and a cancel through the page's own "Connect your bank" button, with the
// browser console watched throughout, and the network log up to the consent.
// Returns what went wrong, if anything.
import { toConsentScreen } from '../e2e/sandbox-journey.js';

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{ path: string, serverHtml?: string[] }} AppPage */

const STEP_TIMEOUT = 60_000;

/**
 * Clicks "Connect your bank" until the page answers: the app asks its server
 * for a session, or the flow shows. A click that lands before the framework
 * has hydrated the button does nothing, so the click is repeated (never after
 * the page has answered, so each run makes one flow).
 * @param {Page} page
 */
async function connect(page) {
  const button = page.getByRole('button', { name: 'Connect your bank' });
  for (let attempt = 1; ; attempt++) {
    const answered = Promise.race([
      page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/session'), {
        timeout: 5_000,
      }),
      page.locator('fiskil-link iframe').first().waitFor({ state: 'visible', timeout: 5_000 }),
    ]);
    await button.click();
    try {
      await answered;
      return;
    } catch (error) {
      if (attempt === 12) throw error;
    }
  }
}

/**
 * @param {Browser} browser
 * @param {string} origin the app's origin
 * @param {AppPage} spec
 * @returns {Promise<string[]>} the problems found
 */
export async function checkPage(browser, origin, spec) {
  const url = new URL(spec.path, origin).href;
  const problems = [];

  const html = await (await fetch(url, { signal: AbortSignal.timeout(STEP_TIMEOUT) })).text();
  for (const wanted of spec.serverHtml ?? []) {
    if (!html.includes(wanted)) problems.push(`${spec.path}: the server HTML lacks ${wanted}`);
  }

  const context = await browser.newContext();
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  /** @type {string[]} */
  const consoleMessages = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      consoleMessages.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => consoleMessages.push(`uncaught: ${error.message}`));
  // Up to the consent, a healthy flow leaves no failed request in the network
  // log (the reload for the cancel below ends requests on purpose).
  /** @type {string[] | undefined} */
  let failedRequests = [];
  page.on('requestfailed', (request) =>
    failedRequests?.push(`${request.method()} ${request.url()} ${request.failure()?.errorText}`),
  );
  const outcome = page.getByTestId('outcome');
  const flow = page.frameLocator('fiskil-link iframe').first();
  try {
    // A consent: the page shows its id, and the app's server confirmed the same one.
    await page.goto(url, { waitUntil: 'load' });
    await connect(page);
    await toConsentScreen(flow);
    await flow.getByRole('button', { name: 'Share data' }).click();
    await outcome.filter({ hasText: /^Consent \S+ confirmed$/ }).waitFor();
    const consentID = (await outcome.textContent())?.split(' ')[1];
    const onServer = await (
      await fetch(new URL('/api/consent', origin), { signal: AbortSignal.timeout(STEP_TIMEOUT) })
    ).json();
    if (!consentID?.startsWith('arr_') || onServer.consentID !== consentID) {
      problems.push(
        `${spec.path}: the page shows consent ${consentID}, GET /api/consent ${JSON.stringify(onServer)}`,
      );
    }

    for (const failed of failedRequests) problems.push(`${spec.path}: request failed: ${failed}`);
    failedRequests = undefined;

    // A cancel: the user closes the flow with the element's close control.
    await page.reload({ waitUntil: 'load' });
    await connect(page);
    await flow.getByRole('heading').first().waitFor();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await outcome.filter({ hasText: /^Error LINK_USER_CANCELLED$/ }).waitFor();
  } catch (error) {
    const shown = await outcome.textContent({ timeout: 1_000 }).catch(() => null);
    problems.push(
      `${spec.path}: ${String(error).split('\n')[0]} (the outcome shows ${JSON.stringify(shown)})`,
    );
  } finally {
    await context.close();
  }
  for (const message of consoleMessages) problems.push(`${spec.path}: console ${message}`);
  return problems;
}
