import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { link, LINK_ERROR_CODES, LinkError, type FiskilLink } from '../src/index.js';
import { hostedPost, openFlow } from './helpers.js';

// The codes after which a new flow cannot succeed until the integrator changes something.
const notRetryable = [
  'LINK_INVALID_CONFIG',
  'LINK_ORIGIN_MISMATCH',
  'LINK_NOT_FOUND',
  'CONSENT_ENDUSER_INELIGIBLE',
];

describe('LinkError: displayMessage and retryable', () => {
  for (const code of LINK_ERROR_CODES) {
    it(`${code}: a plain sentence for people, retryable ${!notRetryable.includes(code)}`, () => {
      const error = new LinkError(code, `developer message for ${code}`);
      expect(error.displayMessage).to.match(/^[A-Z].*\.$/, 'one sentence');
      // Never technical: no codes, origins or URLs.
      expect(error.displayMessage).to.not.match(/[A-Z]{2,}_|:\/\/|https?:|\bnull\b/);
      expect(error.displayMessage).to.not.contain('developer message');
      expect(error.retryable).to.equal(!notRetryable.includes(code));
    });
  }

  it('gives a generic sentence and retryable true for a code this version does not know', () => {
    const error = new LinkError('SOMETHING_NEW', 'new');
    expect(error.displayMessage).to.equal(new LinkError('LINK_INTERNAL_ERROR', '').displayMessage);
    expect(error.retryable).to.equal(true);
  });

  for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    it(`reads no sentence from Object.prototype for the code ${code}`, () => {
      const error = new LinkError(code, 'x', undefined, {});
      expect(error.displayMessage).to.equal(
        new LinkError('LINK_INTERNAL_ERROR', '').displayMessage,
      );
    });
  }

  it('takes the page’s sentence for a code, and its generic one for unknown codes', () => {
    const words = { CONSENT_TIMEOUT: 'Zeit abgelaufen.', LINK_INTERNAL_ERROR: 'Fehler.' };
    expect(new LinkError('CONSENT_TIMEOUT', 'x', undefined, words).displayMessage).to.equal(
      'Zeit abgelaufen.',
    );
    expect(new LinkError('SOMETHING_NEW', 'x', undefined, words).displayMessage).to.equal(
      'Fehler.',
    );
  });

  it('are on the link-error of a code the hosted page sends that this version does not know', async () => {
    const el = await openFlow();
    const error = oneEvent(el, 'link-error');
    hostedPost(el, { isCompleted: false, errorType: 'SOMETHING_NEW', error: 'new' });
    const { detail } = await error;
    expect(detail.code).to.equal('SOMETHING_NEW');
    expect(detail.retryable).to.equal(true);
    expect(detail.displayMessage).to.equal(new LinkError('LINK_INTERNAL_ERROR', '').displayMessage);
  });

  it('are on LINK_INVALID_CONFIG: a sentence for the end user, not the developer message', async () => {
    const el = await fixture<FiskilLink>(
      html`<fiskil-link auth-server="http://example.com"></fiskil-link>`,
    );
    const error = oneEvent(el, 'link-error');
    el.sessionId = 'ses_1';
    const { detail } = await error;
    expect(detail.message).to.contain('auth-server');
    expect(detail.displayMessage).to.not.contain('auth-server');
    expect(detail.displayMessage).to.not.contain('example.com');
    expect(detail.retryable).to.equal(false);
  });

  it('are on the rejections of link()', async () => {
    const flow = link('ses_1', { authServer: 'javascript:alert(1)' });
    const error: LinkError = await flow.then(
      () => expect.fail('resolved'),
      (e: LinkError) => e,
    );
    expect(error.code).to.equal('LINK_INVALID_CONFIG');
    expect(error.displayMessage).to.be.a('string').and.not.contain('auth-server');
    expect(error.retryable).to.equal(false);

    const cancelled = link('ses_2', { authServer: 'https://auth.example' });
    cancelled.close();
    const reason = (await cancelled.catch((e: unknown) => e)) as LinkError;
    expect(reason.code).to.equal('LINK_USER_CANCELLED');
    expect(reason.retryable).to.equal(true);
    expect(reason.displayMessage).to.match(/closed/);
  });
});
