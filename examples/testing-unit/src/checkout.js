// The app under test: a "Connect your bank" button that starts Fiskil's flow
// with a session from the app's backend, and hands the consent back to it.
import 'fiskil-link';

/**
 * @param {HTMLElement} root
 * @param {{ getSession: () => Promise<string>; saveConsent: (consentID: string) => void }} backend
 */
export function mountCheckout(root, { getSession, saveConsent }) {
  const button = document.createElement('button');
  button.textContent = 'Connect your bank';
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const flow = document.createElement('fiskil-link');
  flow.addEventListener('consent', (event) => {
    status.textContent = 'Bank connected.';
    saveConsent(event.detail.consentID);
  });
  flow.addEventListener('link-error', (event) => {
    status.textContent = event.detail.displayMessage;
    button.disabled = false;
  });
  button.addEventListener('click', async () => {
    button.disabled = true;
    flow.sessionId = await getSession();
  });
  root.append(button, status, flow);
}
