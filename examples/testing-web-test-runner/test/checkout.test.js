import { expect, waitUntil } from '@open-wc/testing';
import { fakeFiskilLink } from 'fiskil-link/testing';
import { mountCheckout } from '../src/checkout.js';

let fiskil;
const saved = [];

beforeEach(() => {
  fiskil = fakeFiskilLink();
  saved.length = 0;
  mountCheckout(document.body, {
    getSession: async () => 'ses_123',
    saveConsent: (consentID) => saved.push(consentID),
  });
});

afterEach(() => {
  fiskil.restore();
  document.body.replaceChildren();
});

it('a consent reaches the backend', async () => {
  document.querySelector('button').click();
  const flow = await fiskil.nextFlow();
  expect(flow.sessionId).to.equal('ses_123');
  flow.complete({ consentID: 'con_1' });
  expect(saved).to.deep.equal(['con_1']);
});

it('a denial tells the user why and puts the button back', async () => {
  document.querySelector('button').click();
  const flow = await fiskil.nextFlow();
  flow.fail('CONSENT_ENDUSER_DENIED');
  expect(document.querySelector('[role="status"]').textContent).to.equal(
    'You chose not to share your data.',
  );
  expect(document.querySelector('button').disabled).to.equal(false);
});

it('the fake hosted page a person sees offers each outcome as a button', async () => {
  document.querySelector('button').click();
  const flow = await fiskil.nextFlow();
  const frame = flow.element.shadowRoot.querySelector('iframe');
  const deny = () =>
    [...(frame.contentDocument?.querySelectorAll('button') ?? [])].find(
      (button) => button.textContent === 'Deny consent',
    );
  await waitUntil(deny, 'the fake page has no Deny button');
  deny().click();
  expect(document.querySelector('[role="status"]').textContent).to.equal(
    'You chose not to share your data.',
  );
});

// Checked to fail by scripts/check-examples.mjs: a kit that let every expectation pass would not.
it('expected to fail: a wrong consent id', async () => {
  document.querySelector('button').click();
  const flow = await fiskil.nextFlow();
  flow.complete({ consentID: 'con_1' });
  expect(saved).to.deep.equal(['con_WRONG']);
});
