// Runs as it is under Vitest (happy-dom or jsdom) and Jest (jsdom): both provide
// test, expect, beforeEach and afterEach as globals.
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

test('a consent reaches the backend', async () => {
  document.querySelector('button').click();
  const flow = await fiskil.nextFlow();
  expect(flow.sessionId).toBe('ses_123');
  flow.complete({ consentID: 'con_1' });
  expect(saved).toEqual(['con_1']);
});

test('a denial tells the user why and puts the button back', async () => {
  document.querySelector('button').click();
  const flow = await fiskil.nextFlow();
  flow.fail('CONSENT_ENDUSER_DENIED');
  expect(document.querySelector('[role="status"]').textContent).toBe(
    'You chose not to share your data.',
  );
  expect(document.querySelector('button').disabled).toBe(false);
});

test('an expired session is reported while the hosted page stays up', async () => {
  document.querySelector('button').click();
  const flow = await fiskil.nextFlow();
  flow.expireSession();
  expect(document.querySelector('[role="status"]').textContent).toBe(
    'This link has expired or was already used. Please start again.',
  );
  expect(flow.ended).toBe(true);
  expect(saved).toEqual([]);
});

// Checked to fail by scripts/check-examples.mjs: a kit that let every expectation pass would not.
test('expected to fail: a wrong consent id', async () => {
  document.querySelector('button').click();
  const flow = await fiskil.nextFlow();
  flow.complete({ consentID: 'con_1' });
  expect(saved).toEqual(['con_WRONG']);
});
