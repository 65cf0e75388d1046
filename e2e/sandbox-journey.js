// @ts-check
// The sandbox's journey up to its consent screen, by roles and accessible names
// (sandbox/README.md "Test credentials and outcomes").

/** From "Select your institution" to "Confirm what you share", as user_good at Sandbox Bank. */
export async function toConsentScreen(/** @type {import('playwright-core').FrameLocator} */ flow) {
  await flow.getByRole('button', { name: 'Sandbox Bank' }).click();
  await flow.getByRole('heading', { name: /Log in to Sandbox Bank/ }).waitFor();
  await flow.getByLabel('Username').fill('user_good');
  await flow.getByLabel('Password').fill('pass_good');
  await flow.getByRole('button', { name: 'Log in' }).click();
  await flow.getByLabel('One-time code').fill('123456');
  await flow.getByRole('button', { name: 'Verify' }).click();
  await flow.getByRole('heading', { name: 'Select accounts to share' }).waitFor();
  await flow.getByRole('button', { name: 'Continue' }).click();
  await flow.getByRole('heading', { name: 'Confirm what you share' }).waitFor();
}
