// fiskil-link/testing's fake hosted page, in the element suite's three
// engines: each outcome reaches the page as production would give it, through
// the element's own checks, and nothing reaches the auth server.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { link, LinkError, type FiskilLink } from '../../src/index.js';
import { fakeFiskilLink, type FakeFiskilLink } from '../../src/testing/index.js';
import { dialogOf, frameOf, hostedUrl } from '../helpers.js';

const AUTH = 'https://auth.fiskil.com';

/** An element with production attributes: no auth-server, so the auth server is Fiskil's. */
async function checkout(
  sessionId: string,
  attrs: { preload?: boolean; loadTimeout?: number } = {},
) {
  const el = await fixture<FiskilLink>(
    html`<fiskil-link
      ?preload=${attrs.preload ?? false}
      load-timeout=${attrs.loadTimeout ?? 15000}
    ></fiskil-link>`,
  );
  el.sessionId = sessionId;
  return el;
}

function errorOf(event: Event): LinkError {
  return (event as CustomEvent<LinkError>).detail;
}

describe('fakeFiskilLink()', () => {
  let fiskil: FakeFiskilLink;
  beforeEach(() => {
    fiskil = fakeFiskilLink();
  });
  afterEach(() => fiskil.restore());

  it('runs the tag’s flow against the fake page: the consent reaches the page, nothing reaches Fiskil', async () => {
    // Listened for before the flow starts: the fake page loads at once.
    const loaded = oneEvent(document, 'link-load');
    const el = await checkout('ses_123');
    const flow = await fiskil.nextFlow();
    expect(flow.sessionId).to.equal('ses_123');
    expect(flow.element).to.equal(el);
    expect(flow.shown).to.equal(true);
    expect(flow.ended).to.equal(false);
    expect(dialogOf(el).open).to.equal(true);
    expect((await loaded).target).to.equal(el);

    const consent = oneEvent(el, 'consent');
    const closed = oneEvent(el, 'link-close');
    flow.complete({ consentID: 'con_1' });
    const { detail } = await consent;
    expect(detail.consentID).to.equal('con_1');
    expect(detail.redirectURL).to.equal(`${AUTH}/complete?consent_id=con_1`);
    await closed;
    expect(flow.ended).to.equal(true);

    const frameSrcs = [...document.querySelectorAll('iframe')].map((f) => f.src);
    expect(frameSrcs.filter((src) => src.startsWith(AUTH))).to.deep.equal([]);
    const toFiskil = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.startsWith(AUTH));
    expect(toFiskil).to.deep.equal([]);
    expect(document.head.querySelector(`link[rel~="preconnect"][href^="${AUTH}"]`)).to.equal(null);
  });

  it('gives every failure in the form Fiskil sends it, through the element’s checks', async () => {
    const cases: [code: string, form: 'redirect' | 'flat', retryable: boolean][] = [
      ['CONSENT_ENDUSER_DENIED', 'redirect', true],
      ['CONSENT_OTP_FAILURE', 'redirect', true],
      ['CONSENT_ENDUSER_INELIGIBLE', 'redirect', false],
      ['CONSENT_TIMEOUT', 'redirect', true],
      ['CONSENT_UPSTREAM_PROCESSING_ERROR', 'redirect', true],
      ['CONSUMERDATA_PROCESSING_ERROR', 'flat', true],
      ['AUTH_SESSION_CANCELLED', 'flat', true],
      ['SOMETHING_NEW', 'flat', true],
    ];
    for (const [code, form, retryable] of cases) {
      const el = await checkout(`ses_${code}`);
      const flow = await fiskil.nextFlow();
      const failed = oneEvent(el, 'link-error');
      flow.fail(code, 'Described by the test.');
      const error = errorOf(await failed);
      expect(error).to.be.instanceOf(LinkError);
      expect(error.code, code).to.equal(code);
      // The SDK's message: the redirect URL's error_type, or the flat form's `error`.
      expect(error.message, code).to.equal(code);
      expect(error.retryable, code).to.equal(retryable);
      const details = error.details as Record<string, string>;
      expect(details.error_type).to.equal(code);
      expect(details.error_description).to.equal('Described by the test.');
      expect(details.error_id).to.match(/^err_[0-9a-f]{16}$/);
      expect(details.error_uri).to.equal(`https://docs.fiskil.com/docs/errors#${code}`);
      expect(form === 'redirect' ? code.startsWith('CONSENT_') : true).to.equal(true);
      el.remove();
    }
  });

  it('cancel() is the hosted page’s Cancel: AUTH_SESSION_CANCELLED, then the modal closes', async () => {
    const el = await checkout('ses_cancel');
    const flow = await fiskil.nextFlow();
    const failed = oneEvent(el, 'link-error');
    const closed = oneEvent(el, 'link-close');
    flow.cancel();
    expect(errorOf(await failed).code).to.equal('AUTH_SESSION_CANCELLED');
    expect(errorOf(await failed).details).to.include({
      error_description: 'The end user cancelled the flow.',
    });
    await closed;
    expect(dialogOf(el).open).to.equal(false);
  });

  it('expireSession(): LINK_INVALID_SESSION at once, the modal lingering until closed', async () => {
    const el = await checkout('ses_expired');
    const flow = await fiskil.nextFlow();
    const errors: LinkError[] = [];
    el.addEventListener('link-error', (e) => errors.push(e.detail));
    flow.expireSession();
    expect(errors.map((e) => e.code)).to.deep.equal(['LINK_INVALID_SESSION']);
    expect(dialogOf(el).open).to.equal(true);
    expect(flow.ended).to.equal(true);
    const closed = oneEvent(el, 'link-close');
    el.cancel();
    await closed;
    expect(errors).to.have.length(1);
  });

  it('a call on an ended flow throws, saying so', async () => {
    await checkout('ses_once');
    const flow = await fiskil.nextFlow();
    flow.complete();
    expect(() => flow.complete()).to.throw(/session ses_once, which has ended/);
    expect(() => flow.fail('CONSENT_TIMEOUT')).to.throw(/has ended/);
    expect(() => flow.post({})).to.throw(/has ended/);
  });

  it('stall(): the element’s stalled notice; “Try again” stays stalled until load()', async () => {
    const el = await checkout('ses_stall', { loadTimeout: 100 });
    const flow = await fiskil.nextFlow();
    flow.stall();
    const notice = () => el.shadowRoot!.querySelector('[part="loading"]')!.textContent ?? '';
    await waitUntil(() => notice().includes('taking too long'), 'no stalled notice', {
      timeout: 5000,
    });
    const first = frameOf(el);
    const retry = [...el.shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent === 'Try again',
    )!;
    retry.click();
    await waitUntil(() => frameOf(el) !== first, 'no new frame');
    await waitUntil(() => notice().includes('taking too long'), 'the retry did not stall', {
      timeout: 5000,
    });
    expect(fiskil.flows).to.have.length(1);
    const loaded = oneEvent(el, 'link-load');
    flow.load();
    await loaded;
    const consent = oneEvent(el, 'consent');
    flow.complete({ consentID: 'con_after_retry' });
    expect((await consent).detail.consentID).to.equal('con_after_retry');
  });

  it('post(): a message from another origin in the frame is LINK_ORIGIN_MISMATCH; a stray one is ignored', async () => {
    const el = await checkout('ses_post');
    const flow = await fiskil.nextFlow();
    const errors: LinkError[] = [];
    el.addEventListener('link-error', (e) => errors.push(e.detail));
    flow.post({ hello: 'not a protocol message' });
    expect(errors).to.have.length(0);
    expect(flow.ended).to.equal(false);
    flow.post({ isCompleted: true, consentID: 'con_x' }, { origin: 'https://evil.example' });
    expect(errors.map((e) => e.code)).to.deep.equal(['LINK_ORIGIN_MISMATCH']);
    expect(errors[0]!.details).to.deep.equal({
      expectedOrigin: AUTH,
      receivedOrigin: 'https://evil.example',
    });
  });

  it('a hidden preload flow: nextFlow() times out saying so, then resolves once open() shows it', async () => {
    const el = await checkout('ses_hidden', { preload: true });
    await el.updateComplete;
    const error = await fiskil.nextFlow({ timeout: 50 }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).to.match(/no flow was shown within 50 ms/);
    expect(error?.message).to.match(/1 started .*1 of them hidden/);
    expect(fiskil.flows.map((f) => [f.sessionId, f.shown])).to.deep.equal([['ses_hidden', false]]);
    const next = fiskil.nextFlow();
    el.open();
    const flow = await next;
    expect(flow.sessionId).to.equal('ses_hidden');
    expect(flow.shown).to.equal(true);
  });

  it('link(): the flow it mounts is faked too', async () => {
    const result = link('ses_link');
    const flow = await fiskil.nextFlow();
    expect(flow.sessionId).to.equal('ses_link');
    flow.complete({ consentID: 'con_link', redirectURL: 'https://app.example/done' });
    expect(await result).to.deep.equal({
      consentID: 'con_link',
      redirectURL: 'https://app.example/done',
    });
  });

  it('lists every flow since install, oldest first; a replaced flow has ended', async () => {
    const el = await checkout('ses_a');
    const a = await fiskil.nextFlow();
    el.sessionId = 'ses_b';
    await el.updateComplete;
    const b = await fiskil.nextFlow();
    expect(fiskil.flows.map((f) => f.sessionId)).to.deep.equal(['ses_a', 'ses_b']);
    expect(a.ended).to.equal(true);
    expect(b.ended).to.equal(false);
    expect(() => a.complete()).to.throw(/replaced, or its element left the page/);
  });

  it('installing twice gives the same handle; restoring twice is harmless; restored, flows load their URL', async () => {
    expect(fakeFiskilLink()).to.equal(fiskil);
    fiskil.restore();
    fiskil.restore();
    expect(() => fiskil.nextFlow()).to.throw(/after restore/);
    const el = await fixture<FiskilLink>(
      html`<fiskil-link auth-server=${hostedUrl} session-id="ses_real"></fiskil-link>`,
    );
    await el.updateComplete;
    expect(frameOf(el)!.src).to.equal(`${hostedUrl}?sess_id=ses_real`);
    el.remove();
    const again = fakeFiskilLink();
    expect(again).not.to.equal(fiskil);
    const dispose = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('Symbol.dispose');
    (again as unknown as Record<symbol, () => void>)[dispose]!();
    expect(() => again.nextFlow()).to.throw(/after restore/);
  });

  it('leaves the page’s other iframes and links alone', () => {
    const other = document.createElement('iframe');
    other.src = `${hostedUrl}?sess_id=not_a_flow`;
    expect(other.getAttribute('src')).to.equal(`${hostedUrl}?sess_id=not_a_flow`);
    const noSession = document.createElement('iframe');
    noSession.setAttribute('part', 'frame');
    noSession.src = hostedUrl;
    expect(noSession.getAttribute('src')).to.equal(hostedUrl);
    const cdn = document.createElement('link');
    cdn.rel = 'preconnect';
    cdn.href = 'https://cdn.example/';
    expect(cdn.getAttribute('href')).to.equal('https://cdn.example/');
    expect(fiskil.flows).to.have.length(0);
  });

  it('in a real browser the fake page names the session and offers each outcome as a button', async () => {
    const el = await checkout('ses_<b>visible</b>');
    const flow = await fiskil.nextFlow();
    const doc = () => frameOf(el)!.contentDocument;
    await waitUntil(
      () => doc()?.getElementById('fake-fiskil-link'),
      'the fake page was not drawn',
      {
        timeout: 5000,
      },
    );
    const page = doc()!;
    expect(page.querySelector('code')!.textContent).to.equal('ses_<b>visible</b>');
    expect(page.querySelector('b')).to.equal(null);
    const labels = [...page.querySelectorAll('button')].map((b) => b.textContent);
    expect(labels).to.include.members(['Complete (consent)', 'Deny consent', 'Cancel']);
    const failed = oneEvent(el, 'link-error');
    [...page.querySelectorAll('button')].find((b) => b.textContent === 'Deny consent')!.click();
    expect(errorOf(await failed).code).to.equal('CONSENT_ENDUSER_DENIED');
    expect(flow.ended).to.equal(true);
  });
});
