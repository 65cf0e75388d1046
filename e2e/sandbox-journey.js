// @ts-check
// The sandbox's journey up to its consent screen, by roles and accessible names
// (sandbox/README.md "Test credentials and outcomes").

/** @typedef {import('playwright-core').Locator} Locator */

/**
 * From "Select your institution" to "Confirm what you share", as user_good at
 * Sandbox Bank. `press` is how a button is pressed: a click, or on a touch
 * screen a tap (what a person on a phone does).
 */
export async function toConsentScreen(
  /** @type {import('playwright-core').FrameLocator} */ flow,
  press = (/** @type {Locator} */ button) => button.click(),
) {
  await press(flow.getByRole('button', { name: 'Sandbox Bank' }));
  await flow.getByRole('heading', { name: /Log in to Sandbox Bank/ }).waitFor();
  await flow.getByLabel('Username').fill('user_good');
  await flow.getByLabel('Password').fill('pass_good');
  await press(flow.getByRole('button', { name: 'Log in' }));
  await flow.getByLabel('One-time code').fill('123456');
  await press(flow.getByRole('button', { name: 'Verify' }));
  await flow.getByRole('heading', { name: 'Select accounts to share' }).waitFor();
  await press(flow.getByRole('button', { name: 'Continue' }));
  await flow.getByRole('heading', { name: 'Confirm what you share' }).waitFor();
}
