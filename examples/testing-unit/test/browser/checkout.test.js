// In a real browser (web-test-runner, Mocha's globals) the fake hosted page is
// visible: these tests click through it as a person would.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeFiskilLink } from 'fiskil-link/testing';
import { mountCheckout } from '../../src/checkout.js';

let fiskil;
let consents;
let checkout;

beforeEach(async () => {
  fiskil = fakeFiskilLink();
  consents = [];
  checkout = await fixture(html`<section></section>`); // removed after each test
  mountCheckout(checkout, {
    getSession: async () => 'ses_web',
    saveConsent: (id) => consents.push(id),
  });
});

afterEach(() => fiskil.restore());

/** Starts the flow; returns the fake page's document and a click on one of its outcome buttons. */
async function openFakePage() {
  checkout.querySelector('button').click();
  const flow = await fiskil.nextFlow();
  const page = () => flow.element.shadowRoot.querySelector('iframe').contentDocument;
  const button = (label) =>
    [...(page()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === label);
  await waitUntil(() => button('Cancel'), 'the fake page shows no outcome buttons');
  return { page, click: (label) => button(label).click() };
}

it('the fake page names the session it was given', async () => {
  const { page } = await openFakePage();
  expect(page().body.textContent).to.include('ses_web');
});

it('Complete on the fake page hands the consent to the backend', async () => {
  const { click } = await openFakePage();
  click('Complete (consent)');
  expect(checkout.querySelector('[role="status"]').textContent).to.equal('Bank connected.');
  expect(consents).to.have.length(1);
});

it('Deny consent on the fake page tells the user why', async () => {
  const { click } = await openFakePage();
  click('Deny consent');
  expect(checkout.querySelector('[role="status"]').textContent).to.equal(
    'You chose not to share your data.',
  );
  expect(checkout.querySelector('button').disabled).to.equal(false);
});

// Checked to fail by scripts/check-examples.mjs: a kit that let every expectation pass would not.
it('expected to fail: a wrong consent id', async () => {
  const { click } = await openFakePage();
  click('Complete (consent)');
  expect(consents).to.deep.equal(['con_WRONG']);
});
