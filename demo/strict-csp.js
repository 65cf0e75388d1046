// The integrator's page script, served from 'self'. It asks its own backend
// for a session, then hands it to the element. No inline code, no innerHTML.
import '/dist/fiskil-link.js';

const link = /** @type {import('../src/index.ts').FiskilLink} */ (document.querySelector('#link'));
const log = /** @type {HTMLElement} */ (document.querySelector('#log'));

/** @param {string} text */
function note(text) {
  const item = document.createElement('li');
  item.textContent = text;
  log.append(item);
}

for (const name of ['link-open', 'link-load', 'link-close']) {
  link.addEventListener(name, () => note(name));
}
link.addEventListener('consent', (e) => note(`consent ${e.detail.consentID}`));
link.addEventListener('link-error', (e) => note(`link-error ${e.detail.code}`));

/** @type {HTMLElement} */ (document.querySelector('#connect')).addEventListener(
  'click',
  async () => {
    const response = await fetch('/session', { method: 'POST' });
    const session = await response.json();
    link.authServer = session.auth_server;
    link.sessionId = session.session_id;
  },
);
