import { aTimeout, expect, oneEvent } from '@open-wc/testing';
import { link, LinkError, type FiskilLink } from '../src/index.js';
import { frameOf, hostedOrigin, hostedPost, hostedUrl } from './helpers.js';

const mounted = () => [...document.querySelectorAll<FiskilLink>('fiskil-link')];

/** Waits until the flow's element has loaded the hosted page. */
async function loadedFlow(): Promise<FiskilLink> {
  for (let i = 0; i < 100 && mounted().length === 0; i++) await aTimeout(0);
  const el = mounted().at(-1)!;
  if (!frameOf(el) || !el.shadowRoot!.querySelector('.spinner')) {
    // Already loaded, or loading: wait for the load either way.
  }
  await oneEvent(el, 'link-load');
  return el;
}

describe('link()', () => {
  afterEach(() => mounted().forEach((el) => el.remove()));

  it('resolves with the consent and removes what it mounted', async () => {
    const flow = link('ses_link', { authServer: hostedUrl });
    const el = await loadedFlow();
    expect(el.parentElement).to.equal(document.body);
    hostedPost(el, { isCompleted: true, consentID: 'con_link', redirectURL: '/r' });
    expect(await flow).to.deep.equal({ consentID: 'con_link', redirectURL: '/r' });
    await aTimeout(0);
    expect(mounted()).to.have.length(0);
  });

  it('rejects with a LinkError and removes what it mounted', async () => {
    const flow = link('ses_link', { authServer: hostedUrl });
    const el = await loadedFlow();
    hostedPost(el, { isCompleted: false, errorType: 'CONSENT_OTP_FAILURE', error: 'otp' });
    const error = await flow.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(LinkError);
    expect((error as LinkError).code).to.equal('CONSENT_OTP_FAILURE');
    await aTimeout(0);
    expect(mounted()).to.have.length(0);
  });

  it('validates options as attributes are validated', async () => {
    const flow = link('ses_link', { authServer: 'http://example.com' });
    const error = await flow.catch((e: LinkError) => e);
    expect((error as LinkError).code).to.equal('LINK_INVALID_CONFIG');
    await aTimeout(0);
    expect(mounted()).to.have.length(0);
  });

  it('times out after timeoutMs', async () => {
    const flow = link('ses_link', { authServer: hostedUrl, timeoutMs: 30 });
    const error = await flow.catch((e: LinkError) => e);
    expect((error as LinkError).code).to.equal('LINK_TIMEOUT');
  });

  it('close() rejects with LINK_USER_CANCELLED and removes everything', async () => {
    const flow = link('ses_link', { authServer: hostedUrl });
    await loadedFlow();
    flow.close();
    const error = await flow.catch((e: LinkError) => e);
    expect((error as LinkError).code).to.equal('LINK_USER_CANCELLED');
    expect(mounted()).to.have.length(0);
    expect(document.documentElement.style.overflow).to.equal('');
  });

  it('keeps the modal after an invalid session, and close() still removes it', async () => {
    const flow = link('ses_used', { authServer: hostedUrl });
    const el = await loadedFlow();
    hostedPost(el, { isCompleted: false, errorType: 'LINK_INVALID_SESSION', error: 'used' });
    const error = await flow.catch((e: LinkError) => e);
    expect((error as LinkError).code).to.equal('LINK_INVALID_SESSION');
    await aTimeout(20);
    expect(mounted()).to.deep.equal([el]);
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    flow.close();
    expect(mounted()).to.have.length(0);
  });

  it('removes the lingering modal when the user closes it', async () => {
    const flow = link('ses_used', { authServer: hostedUrl });
    const el = await loadedFlow();
    hostedPost(el, { isCompleted: false, errorType: 'AUTH_SESSION_INVALID', error: 'used' });
    await flow.catch(() => {});
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="close"]')!.click();
    expect(mounted()).to.have.length(0);
  });

  it('runs concurrent flows without disturbing each other', async () => {
    const first = link('ses_1', { authServer: hostedUrl });
    const a = await loadedFlow();
    const second = link('ses_2', { authServer: hostedUrl });
    const b = await loadedFlow();
    expect(a).to.not.equal(b);
    hostedPost(b, { isCompleted: true, consentID: 'con_b' });
    expect(await second).to.deep.equal({ consentID: 'con_b', redirectURL: undefined });
    expect(mounted()).to.deep.equal([a]);
    expect(frameOf(a)).to.not.equal(null);
    hostedPost(a, { isCompleted: true, consentID: 'con_a' });
    expect((await first).consentID).to.equal('con_a');
  });

  it('mounts in the container named by containerId', async () => {
    const box = document.createElement('div');
    box.id = 'link-box';
    document.body.append(box);
    try {
      const flow = link('ses_box', { authServer: hostedUrl, containerId: 'link-box' });
      const el = await loadedFlow();
      expect(el.parentElement).to.equal(box);
      flow.close();
      await flow.catch(() => {});
    } finally {
      box.remove();
    }
  });

  it('rejects with LINK_NOT_FOUND for a container that does not exist', async () => {
    const error = await link('ses_x', { containerId: 'nope' }).catch((e: LinkError) => e);
    expect((error as LinkError).code).to.equal('LINK_NOT_FOUND');
    expect(mounted()).to.have.length(0);
  });

  it('checks the origin as the SDK does', async () => {
    const flow = link('ses_link', {
      authServer: hostedUrl,
      allowedOrigin: 'https://auth.fiskil.com',
    });
    const el = await loadedFlow();
    hostedPost(el, { isCompleted: true, consentID: 'c' });
    const error = await flow.catch((e: LinkError) => e);
    expect((error as LinkError).code).to.equal('LINK_ORIGIN_MISMATCH');
    expect((error as LinkError).details).to.deep.equal({
      expectedOrigin: 'https://auth.fiskil.com',
      receivedOrigin: hostedOrigin,
    });
  });
});
