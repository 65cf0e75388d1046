// fiskil-link/testing drives a user's close through the element's own close
// control and Escape, so an integrator's test sees `link-close-request` and
// `confirm-close` as production gives them.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FiskilLink, LinkError } from '../../src/index.js';
import { fakeFiskilLink, type FakeFiskilLink } from '../../src/testing/index.js';
import { dialogOf } from '../helpers.js';

/** An element with production attributes, its flow on the fake page, loaded. */
async function loadedFlow(fiskil: FakeFiskilLink, sessionId: string, confirmClose = false) {
  const el = await fixture<FiskilLink>(
    html`<fiskil-link ?confirm-close=${confirmClose}></fiskil-link>`,
  );
  const loaded = oneEvent(el, 'link-load');
  el.sessionId = sessionId;
  const flow = await fiskil.nextFlow();
  await loaded;
  return { el, flow };
}

/** The names of the element's close events, a request with its reason. */
function record(el: FiskilLink): string[] {
  const seen: string[] = [];
  el.addEventListener('link-close-request', (e) => seen.push(`request:${e.detail.reason}`));
  el.addEventListener('link-error', (e) => seen.push((e.detail as LinkError).code));
  el.addEventListener('link-close', () => seen.push('link-close'));
  return seen;
}

describe('fakeFiskilLink(): a user’s close', () => {
  let fiskil: FakeFiskilLink;
  beforeEach(() => {
    fiskil = fakeFiskilLink();
  });
  afterEach(() => fiskil.restore());

  for (const reason of ['close-button', 'escape'] as const) {
    it(`requestClose('${reason}') asks the page first, then closes`, async () => {
      const { el, flow } = await loadedFlow(fiskil, `ses_close_${reason}`);
      const seen = record(el);
      flow.requestClose(reason);
      expect(seen).to.deep.equal([`request:${reason}`, 'LINK_USER_CANCELLED', 'link-close']);
      expect(flow.ended).to.equal(true);
    });

    it(`requestClose('${reason}') refused by the page keeps the flow going`, async () => {
      const { el, flow } = await loadedFlow(fiskil, `ses_refused_${reason}`);
      el.addEventListener('link-close-request', (e) => e.preventDefault());
      const seen = record(el);
      flow.requestClose(reason);
      expect(seen).to.deep.equal([`request:${reason}`]);
      expect(flow.ended).to.equal(false);
      expect(dialogOf(el).open).to.equal(true);
      const consent = oneEvent(el, 'consent');
      flow.complete({ consentID: 'con_kept' });
      expect((await consent).detail.consentID).to.equal('con_kept');
    });
  }

  it('with confirm-close: confirming, keepGoing() goes on, leave() is LINK_USER_CANCELLED', async () => {
    const { el, flow } = await loadedFlow(fiskil, 'ses_confirm', true);
    const seen = record(el);
    expect(flow.confirming).to.equal(false);
    flow.requestClose();
    expect(flow.confirming).to.equal(true);
    flow.keepGoing();
    expect(flow.confirming).to.equal(false);
    expect(flow.ended).to.equal(false);
    flow.requestClose('escape');
    expect(flow.confirming).to.equal(true);
    flow.leave();
    expect(seen).to.deep.equal([
      'request:close-button',
      'request:escape',
      'LINK_USER_CANCELLED',
      'link-close',
    ]);
    expect(flow.ended).to.equal(true);
  });

  it('keepGoing() and leave() with no question asked throw, saying why', async () => {
    const { flow } = await loadedFlow(fiskil, 'ses_no_question');
    expect(() => flow.leave()).to.throw(/asks no question: it takes confirm-close/);
    expect(() => flow.keepGoing()).to.throw(/asks no question/);
  });

  it('closes a lingering expired session without asking; throws once the modal is gone', async () => {
    const { el, flow } = await loadedFlow(fiskil, 'ses_linger');
    flow.expireSession();
    const seen = record(el);
    flow.requestClose();
    expect(seen).to.deep.equal(['link-close']);
    expect(() => flow.requestClose()).to.throw(/has ended/);
  });
});
